import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfigOrExit } from '@tandem/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit(AppConfig);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGTERM Nest closes the relay and lets BullMQ finish active jobs before exiting.
  app.enableShutdownHooks();
  app.get(Logger).log('worker started', 'Bootstrap');
  const stop = () => setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void bootstrap();
