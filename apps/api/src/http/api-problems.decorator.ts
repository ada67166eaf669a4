import { applyDecorators, Type } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { PageOf } from '@tandem/core';
import { PROBLEM_CONTENT_TYPE, ProblemDto } from './problem';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each bad field',
  401: 'Missing, expired or invalid access token',
  403: 'Signed in, but not allowed to do this',
  404: 'No such record, or not one you may see',
  409: 'Conflicts with the current state',
  410: 'No longer available',
  412: 'Stale If-Match: the record changed since you read it',
  422: 'Well-formed, but refers to something that cannot be used here',
  428: 'If-Match is required',
  429: 'Too many requests',
};

/** Documents the problem+json responses of an operation in OpenAPI. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDto' } } },
      }),
    ),
  );
}

/** A route behind the bearer token: documents the scheme and the 401. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiBearerAuth(), ApiProblems(401));

/** What an operation does and how it fails, as the OpenAPI document shows it. */
export interface OperationDoc {
  summary: string;
  description?: string;
  /** The 200 answer's schema (`PageOf(View)` for keyset pages, `[View]` for a list). */
  ok?: Type | [Type];
  /** The 201 answer's schema. */
  created?: Type | [Type];
  /** The problem+json statuses it may answer with (the 401 of `@Authenticated()` comes on its own). */
  problems?: number[];
}

/**
 * One decorator for an operation's documentation: `@ApiOperation`, its answer's schema and its
 * `@ApiProblems` (a versioned write's If-Match header is documented by `@IfMatchVersion()` itself).
 */
export function Operation({ problems = [], ok, created, ...operation }: OperationDoc): MethodDecorator {
  return applyDecorators(
    ApiOperation(operation),
    ...(ok ? [ApiOkResponse({ type: ok })] : []),
    ...(created ? [ApiCreatedResponse({ type: created })] : []),
    ApiProblems(...problems),
  );
}

/** What a list operation says of itself: its answer and its problems are the preset's. */
type ListDoc = Pick<OperationDoc, 'summary' | 'description'>;

/** A keyset-paged list (`{items, nextCursor}` of `item`); a bad filter or cursor is a 400. */
export const PagedList = (item: Type, doc: ListDoc): MethodDecorator =>
  Operation({ ...doc, ok: PageOf(item), problems: [400] });

/**
 * The keyset-paged list of a record named in the path (a task's comments, an organisation's members):
 * as `PagedList`, and a 404 when the caller may not see that record.
 */
export const PagedChildList = (item: Type, doc: ListDoc): MethodDecorator =>
  Operation({ ...doc, ok: PageOf(item), problems: [400, 404] });

export { ProblemDto };
