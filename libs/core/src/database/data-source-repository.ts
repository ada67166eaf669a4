import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The base of a repository that queries the data source itself and offers its callers `manager`:
 * the data source's manager, for reads outside a transaction (reads after a commit, the readers of
 * other libraries). Methods that take an `em` run on the caller's transaction instead.
 */
export abstract class DataSourceRepository {
  constructor(@InjectDataSource() protected readonly dataSource: DataSource) {}

  /** Outside a transaction (reads after a commit, and the readers of other libraries). */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
