import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from '@tandem/auth';

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
