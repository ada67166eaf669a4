import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { CoreError, CoreErrorCode } from '@tandem/core';

export const etagOf = (version: number): string => `"${version}"`;

/** The version a client read, from its If-Match header; writes to shared records require it. */
export function versionFromIfMatch(header: string | undefined): number {
  if (!header) {
    throw new CoreError(
      CoreErrorCode.PreconditionRequired,
      'Send If-Match with the ETag you read, so concurrent edits are not lost',
      [{ field: 'If-Match', message: 'is required' }],
    );
  }
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) throw CoreError.invalid('If-Match', 'must be an ETag this API issued, such as "3"');
  return Number(match[1]);
}

/**
 * The version the client read, from `If-Match` (428 without it, 400 if it is not our ETag). It also
 * documents the required header on its operation, so no versioned write can leave it out of OpenAPI.
 */
export const IfMatchVersion = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number =>
    versionFromIfMatch(
      ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['if-match'],
    ),
  [
    (target: object, key: string | symbol | undefined) => {
      if (key === undefined) return;
      const describe = ApiHeader({
        name: 'If-Match',
        required: true,
        description: 'ETag of the version you read',
      });
      describe(target, key, Object.getOwnPropertyDescriptor(target, key)!);
    },
  ],
);
