import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AdminBootstrapService } from '@tandem/auth';
import { AppConfig, DatabaseConfig, loadConfigOrExit } from '@tandem/core';
import { dataSourceOptions, runMigrations } from '@tandem/database';
import { DataSource } from 'typeorm';
import { CliModule } from './cli.module';
import { seedDemoCity } from './seed';

const USAGE = 'usage: cli <migrate|seed|bootstrap-admin>';

async function migrate(): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(loadConfigOrExit(DatabaseConfig)));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, (msg) => console.log(msg));
  } finally {
    await dataSource.destroy();
  }
}

async function withApp(
  fn: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<void>,
): Promise<void> {
  const config = loadConfigOrExit(AppConfig);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const command = process.argv[2];
  switch (command) {
    case 'migrate':
      return migrate();
    case 'bootstrap-admin':
      return withApp(async (app) =>
        console.log(`admin: ${await app.get(AdminBootstrapService).ensureAdmin()}`),
      );
    case 'seed':
      return withApp(async (app) => console.log(JSON.stringify(await seedDemoCity(app))));
    default:
      console.error(USAGE);
      process.exit(2);
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
