import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName } from '@tandem/core';

/** A "(re)schedule" job and the SQL of the ids of the rows that may still have delayed work. */
export interface RebuildSource {
  job: JobName;
  key: string;
  ids: string;
}

/** The SQL of RedisRebuild: one "(re)schedule" outbox event per row that may have delayed work. */
@Injectable()
export class RedisRebuildRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In one transaction, so the events are all written or none; how many per job. */
  writeRebuildEvents(sources: RebuildSource[]): Promise<Record<string, number>> {
    return this.dataSource.transaction(async (em) => {
      const written: Record<string, number> = {};
      for (const r of sources) {
        const rows = (await em.query(
          `INSERT INTO outbox_events (type, payload)
           SELECT $1, jsonb_build_object($2::text, ids.id) FROM (${r.ids}) AS ids(id)
           RETURNING id`,
          [r.job, r.key],
        )) as unknown[];
        written[r.job] = rows.length;
      }
      return written;
    });
  }
}
