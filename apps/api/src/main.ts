import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AdminBootstrapService } from '@tandem/auth';
import { AppConfig, loadConfigOrExit } from '@tandem/core';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { ApiModule } from './app.module';
import { setupOpenApi } from './openapi';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(AppConfig);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  if (config.TRUST_PROXY)
    app.set(
      'trust proxy',
      /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY,
    );
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useBodyParser('json', { limit: '1mb' });
  setupOpenApi(app);
  mountQueueDashboard(app);
  app.enableShutdownHooks();
  await app.get(AdminBootstrapService).ensureAdmin();
  await app.listen(config.PORT, '0.0.0.0');
  app.get(Logger).log(`api listening on port ${config.PORT}`, 'Bootstrap');
  const stop = () => setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void bootstrap();
