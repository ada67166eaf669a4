import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { Clock } from './database/clock';
import { TransactionService } from './database/transaction.service';
import { IdempotencyService } from './idempotency/idempotency.service';
import { OutboxService } from './outbox/outbox.service';
import { DataChangeFeed } from './read-cache/data-change-feed';
import { ReadCache } from './read-cache/read-cache';
import { SessionEvents } from './sessions/session-events';

/** Configuration, clock, transactions and the outbox: what every domain library builds on. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: config },
        Clock,
        TransactionService,
        OutboxService,
        IdempotencyService,
        SessionEvents,
        DataChangeFeed,
        ReadCache,
      ],
      exports: [
        AppConfig,
        Clock,
        TransactionService,
        OutboxService,
        IdempotencyService,
        SessionEvents,
        ReadCache,
      ],
    };
  }
}
