import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfigOrExit } from '@tandem/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(AppConfig);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const logger = app.get(Logger);
  logger.log('worker started', 'Bootstrap');
  // SIGTERM: the job runner stops taking jobs and lets the active ones finish or checkpoint (their
  // remainder goes back to the queue as new jobs), the relay stops, then connections close and the
  // process exits 0. SHUTDOWN_TIMEOUT_MS bounds it all.
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: shutting down`, 'Bootstrap');
    setTimeout(() => {
      logger.warn(`shutdown took longer than ${config.SHUTDOWN_TIMEOUT_MS} ms; exiting anyway`, 'Bootstrap');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    app
      .close()
      .then(() => {
        logger.log('worker stopped cleanly', 'Bootstrap');
        process.exit(0);
      })
      .catch((err: Error) => {
        logger.error(`shutdown failed: ${err.message}`, 'Bootstrap');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void bootstrap();
