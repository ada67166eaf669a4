import { DataSource } from 'typeorm';

/**
 * Streams the rows of one query through a server-side cursor, `batch` rows per round trip, inside a
 * read-only REPEATABLE READ transaction (one consistent snapshot, however long the file takes).
 * The caller pulls: the next batch is fetched only when the file has taken the previous one, so
 * memory stays flat whatever the row count.
 */
export async function* cursorRows<T>(
  dataSource: DataSource,
  sql: string,
  params: unknown[],
  batch = 2000,
): AsyncGenerator<T> {
  const qr = dataSource.createQueryRunner('slave');
  await qr.connect();
  let open = false;
  try {
    await qr.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await qr.query(`DECLARE cursor_rows NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows = (await qr.query(`FETCH FORWARD ${batch} FROM cursor_rows`)) as T[];
      for (const row of rows) yield row;
      if (rows.length < batch) break;
    }
    await qr.query('COMMIT');
    open = false;
  } finally {
    if (open) await qr.query('ROLLBACK').catch(() => undefined);
    await qr.release();
  }
}
