import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Takes a caller's X-Request-Id when it is sane, otherwise makes one; echoes it on the response. */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res?: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const header = req.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  req.id = id;
  res?.setHeader('x-request-id', id);
  return id;
}

/** A request as its log lines show it (the raw request: no intermediate object, no query parsing). */
function requestFields(req: IncomingMessage & { id?: unknown; originalUrl?: string }) {
  return { id: req.id, method: req.method, url: req.originalUrl || req.url };
}

/**
 * Structured JSON logs (pino). Inside a request every line carries `req.id`, because nestjs-pino
 * binds the request logger through AsyncLocalStorage.
 *
 * Kept cheap per request (docs/performance.md#reads): pino-http makes one child logger per request,
 * bound to `req` by `requestFields` straight from the raw request (`wrapSerializers: false`: pino's
 * standard request serializer built a bigger object, parsing the query, for us to pick three fields
 * from), and `app` is a base field of every line rather than a second child per request and a
 * check at its end. Each request's "request completed" line is unchanged: `req` (id, method, url),
 * `res` (status, headers), `responseTime`, `app`.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, opts: { http: boolean }): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            base: { pid: process.pid, hostname: hostname(), app: opts.http ? 'api' : 'worker' },
            genReqId: (req, res) => requestIdOf(req, res),
            autoLogging: opts.http
              ? { ignore: (req) => req.url === '/health/live' || req.url === '/metrics' }
              : false,
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.body.password',
                'req.body.refreshToken',
              ],
              remove: true,
            },
            wrapSerializers: false,
            serializers: {
              req: requestFields,
              res: stdSerializers.res,
              err: stdSerializers.err,
            },
          },
          forRoutes: opts.http ? [{ path: '*path', method: 0 }] : [],
          exclude: [],
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
