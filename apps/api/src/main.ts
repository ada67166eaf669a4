import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { adminConfigProblems, AdminBootstrapService } from '@tandem/auth';
import { AppConfig, exitOnConfigProblems, loadConfig, loadConfigOrExit } from '@tandem/core';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { TandemExpressAdapter } from './http/rendered-json';
import { ApiModule } from './app.module';
import { startMetricsServer } from './observability/metrics.server';
import { MetricsService } from './observability/metrics.service';
import { buildOpenApiDocument, setupOpenApi } from './openapi';
import { ShutdownState } from './observability/shutdown-state';
import { serveWebConsole, WEB_BASE } from './web-console';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(AppConfig);
  exitOnConfigProblems(adminConfigProblems(config));
  // TandemExpressAdapter: sends the read cache's prepared responses as they are (rendered-json.ts).
  const app = await NestFactory.create<NestExpressApplication>(
    ApiModule.forRoot(config),
    new TandemExpressAdapter(),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  const shutdownState = app.get(ShutdownState);
  // First middleware: once draining, every response closes its connection after it is sent.
  app.use((_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (shutdownState.draining) res.setHeader('Connection', 'close');
    next();
  });
  if (config.TRUST_PROXY)
    app.set(
      'trust proxy',
      /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY,
    );
  // The Swagger UI at /docs needs inline scripts, so helmet's CSP is off here; the console's own
  // strict CSP is set on its responses (web-console.ts).
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useBodyParser('json', { limit: '1mb' });
  setupOpenApi(app);
  mountQueueDashboard(app);
  const web = serveWebConsole(app, config.WEB_DIST_DIR);
  await app.get(AdminBootstrapService).ensureAdmin();
  await app.listen(config.PORT, '0.0.0.0');
  app.get(Logger).log(`api listening on port ${config.PORT}`, 'Bootstrap');
  if (config.METRICS_PORT) {
    const where = `${config.METRICS_HOST}:${config.METRICS_PORT}`;
    await startMetricsServer(app.get(MetricsService), config.METRICS_PORT, config.METRICS_HOST).then(
      (metrics) => {
        app.get(Logger).log(`metrics on http://${where}/metrics`, 'Bootstrap');
        process.once('SIGTERM', () => metrics.close());
      },
      // The API serves on without metrics rather than refusing traffic over a busy scrape port.
      (err: Error) => app.get(Logger).error(`metrics port ${where} unavailable: ${err.message}`, 'Bootstrap'),
    );
  }
  app
    .get(Logger)
    .log(
      web ? `web console at ${WEB_BASE}/ from ${web}` : 'no web console built (dist/apps/web)',
      'Bootstrap',
    );
  process.once('SIGTERM', () => void shutdown(app, shutdownState, config, 'SIGTERM'));
  process.once('SIGINT', () => void shutdown(app, shutdownState, config, 'SIGINT'));
}

/**
 * Graceful stop: (1) readiness turns 503 at once and responses say `Connection: close`, while the
 * api keeps serving for SHUTDOWN_DRAIN_MS so the load balancer can take it out of rotation; (2) the
 * listener closes (no new connections) and idle keep-alive connections are closed; requests already
 * received run to completion and their connections close after the response; (3) Nest's shutdown
 * hooks close PostgreSQL and Redis; exit 0. SHUTDOWN_TIMEOUT_MS bounds the whole.
 */
async function shutdown(
  app: NestExpressApplication,
  state: ShutdownState,
  config: AppConfig,
  signal: string,
): Promise<void> {
  if (state.draining) return;
  state.draining = true;
  const logger = app.get(Logger);
  logger.log(`${signal}: draining for ${config.SHUTDOWN_DRAIN_MS} ms (readiness 503)`, 'Bootstrap');
  setTimeout(() => {
    logger.warn(`shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting anyway`, 'Bootstrap');
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_MS).unref();
  try {
    await new Promise((r) => setTimeout(r, config.SHUTDOWN_DRAIN_MS));
    const server = app.getHttpServer() as import('node:http').Server;
    logger.log('no longer accepting connections; finishing requests in flight', 'Bootstrap');
    await new Promise<void>((resolve) => {
      // A keep-alive connection whose request began before the drain becomes idle only after its
      // response: close such connections as they go idle, not after keepAliveTimeout.
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.close(() => {
        clearInterval(sweep);
        resolve();
      });
      server.closeIdleConnections();
    });
    await app.close();
    logger.log('api stopped cleanly', 'Bootstrap');
    process.exit(0);
  } catch (err) {
    logger.error(`shutdown failed: ${(err as Error).message}`, 'Bootstrap');
    process.exit(1);
  }
}

/**
 * `node dist/apps/api/main.js openapi <file>`: writes the OpenAPI document of this very build
 * (controllers, DTOs and the swagger plugin's metadata) without a database or Redis: Nest's preview
 * mode resolves the modules but instantiates nothing. The web console's client is generated from it.
 */
async function exportOpenApi(file: string): Promise<void> {
  const config = loadConfig(AppConfig, {
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
    REDIS_URL: 'redis://127.0.0.1:1',
    SMTP_URL: 'smtp://127.0.0.1:1',
    MAIL_FROM: 'openapi@example.org',
    PUBLIC_URL: 'http://localhost',
    JWT_ACCESS_SECRET: 'x'.repeat(32),
    JWT_REFRESH_SECRET: 'x'.repeat(32),
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    preview: true,
    logger: false,
  });
  const document = buildOpenApiDocument(app);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
  process.stdout.write(`OpenAPI document written to ${file}\n`);
  process.exit(0);
}

if (process.argv[2] === 'openapi') {
  exportOpenApi(process.argv[3] ?? 'openapi.json').catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
} else {
  void bootstrap();
}
