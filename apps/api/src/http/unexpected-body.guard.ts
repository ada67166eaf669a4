import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { validationFailed } from '@tandem/core';
import { Request } from 'express';

/**
 * Unknown fields are a 400 on every route, including routes that take no body at all (accept,
 * decline, cancel…), where the validation pipe never runs: a body there is refused naming its
 * fields. A route takes a body when it has a @Body() parameter or documents one with @ApiBody()
 * (sign-in, whose guard validates it).
 */
/** Where @nestjs/swagger keeps @ApiBody() (its constants are not exported). */
const SWAGGER_API_PARAMETERS = 'swagger/apiParameters';

@Injectable()
export class UnexpectedBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    if (body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return true;
    const keys = Object.keys(body);
    if (!keys.length) return true;
    const handler = context.getHandler();
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<
      string,
      unknown
    >;
    const takesBody = Object.keys(args).some((k) => k.split(':')[0] === String(RouteParamtypes.BODY));
    const documented = (
      (Reflect.getMetadata(SWAGGER_API_PARAMETERS, handler) ?? []) as { in?: string }[]
    ).some((p) => p.in === 'body');
    if (takesBody || documented) return true;
    throw validationFailed(keys.map((field) => ({ field, message: `${field} is not an allowed field` })));
  }
}
