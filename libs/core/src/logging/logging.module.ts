import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
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

/**
 * Structured JSON logs (pino). Inside a request every line carries `req.id`, because nestjs-pino
 * binds the request logger through AsyncLocalStorage.
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
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
            },
            customProps: () => ({ app: opts.http ? 'api' : 'worker' }),
          },
          forRoutes: opts.http ? [{ path: '*path', method: 0 }] : [],
          exclude: [],
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
