import { Actor } from '@tandem/core';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
