import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The base of a class of event-driven job handlers that work on the database themselves and log
 * (consultation timers, the invitation e-mail, the placements import): the data source their reads
 * and transactions run on, and `logger`, named after the subclass. A subclass injects the data
 * source with `@InjectDataSource()` and hands it to `super`.
 */
export abstract class DatabaseJobHandlers {
  protected readonly logger = new Logger(this.constructor.name);

  protected constructor(protected readonly dataSource: DataSource) {}
}
