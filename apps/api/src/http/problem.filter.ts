import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, isInfrastructureError, requestIdOf, serviceUnavailable } from '@tandem/core';
import { Request, Response } from 'express';
import { ErrorCode, statusOf } from './error-codes';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, ProblemDto } from './problem';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const slug = (code: string) => code.toLowerCase().replace(/_/g, '-');

type ProblemBase = Pick<ProblemDto, 'instance' | 'requestId'>;

/** One problem body: its type is the code as a slug, its title the status's (or `fallbackTitle`). */
const problemOf = (
  status: number,
  code: string,
  detail: string,
  base: ProblemBase,
  fallbackTitle = 'Error',
): ProblemDto => ({
  type: PROBLEM_TYPE_BASE + slug(code),
  title: TITLES[status] ?? fallbackTitle,
  status,
  detail,
  code,
  ...base,
});

/** Turns every error into RFC 9457 problem+json. Unknown errors are a 500 with an id that is logged. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(caught: unknown, host: ArgumentsHost): void {
    // PostgreSQL or Redis unreachable: a 503 with Retry-After on every route, never a 500 or a 401.
    const infrastructure = !(caught instanceof DomainError) && isInfrastructureError(caught);
    if (infrastructure)
      this.logger.warn({ msg: 'dependency unavailable', err: (caught as Error)?.message ?? String(caught) });
    const exception = infrastructure ? serviceUnavailable() : caught;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;
    // Terminus reports an unhealthy dependency as a 503 whose body lists each check: keep it.
    if (exception instanceof HttpException && exception.getStatus() === HttpStatus.SERVICE_UNAVAILABLE) {
      res.status(503).json(exception.getResponse());
      return;
    }
    const problem = this.toProblem(exception, req, res);
    if (exception instanceof DomainError && exception.headers) {
      for (const [k, v] of Object.entries(exception.headers)) res.setHeader(k, v);
    }
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    if (exception instanceof ThrottlerException && !res.getHeader('Retry-After')) {
      // Named throttlers answer in `Retry-After-<name>`; clients look for the standard header.
      const named = Object.keys(res.getHeaders()).find((h) => h.startsWith('retry-after-'));
      if (named) res.setHeader('Retry-After', String(res.getHeader(named)));
    }
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, req: Request & { id?: string }, res: Response): ProblemDto {
    const base: ProblemBase = { instance: req.originalUrl?.split('?')[0], requestId: requestIdOf(req, res) };
    if (exception instanceof DomainError) {
      const status = statusOf(exception.code as ErrorCode);
      return {
        ...problemOf(status, exception.code, exception.message, base),
        ...(exception.errors ? { errors: exception.errors } : {}),
      };
    }
    if (exception instanceof ThrottlerException) {
      return problemOf(429, 'RATE_LIMITED', 'Too many requests; slow down and retry later', base);
    }
    // body-parser: malformed JSON, too large, wrong charset.
    const parserError = exception as { type?: string; status?: number; expose?: boolean; message?: string };
    const isJsonSyntax =
      exception instanceof HttpException && exception.getStatus() === 400 && /JSON/.test(exception.message);
    if (parserError?.type === 'entity.parse.failed' || isJsonSyntax) {
      return problemOf(400, 'MALFORMED_REQUEST', 'The request body is not valid JSON', base);
    }
    if (
      parserError?.expose &&
      typeof parserError.status === 'number' &&
      parserError.status >= 400 &&
      parserError.status < 500
    ) {
      const detail = parserError.message ?? 'Bad request';
      return problemOf(parserError.status, 'MALFORMED_REQUEST', detail, base, 'Bad request');
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      const code =
        status === HttpStatus.NOT_FOUND
          ? 'NOT_FOUND'
          : status === HttpStatus.UNAUTHORIZED
            ? 'UNAUTHENTICATED'
            : `HTTP_${status}`;
      const detail =
        status === HttpStatus.NOT_FOUND ? `No route ${req.method} ${base.instance}` : exception.message;
      return problemOf(status, code, detail, base);
    }
    const errorId = randomUUID();
    this.logger.error({
      msg: 'unhandled error',
      errorId,
      err: exception instanceof Error ? { message: exception.message, stack: exception.stack } : exception,
    });
    const detail = `Something went wrong on our side. Quote error id ${errorId} when reporting it.`;
    return problemOf(500, 'INTERNAL_ERROR', detail, base);
  }
}
