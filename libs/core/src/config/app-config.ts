import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsIP,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';
import { IntSetting } from './int-setting';

/** Only what the database CLI (migrations) needs, so it can run without mail or Redis settings. */
export class DatabaseConfig {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @IntSetting(1, 200)
  DB_POOL_SIZE = 10;
}

/**
 * The whole configuration of Tandem, read from the environment once at boot. Nothing else reads
 * process.env: inject AppConfig instead.
 */
export class AppConfig extends DatabaseConfig {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntSetting(1, 65535)
  PORT = 3000;

  /** Prometheus /metrics is served on this port only (not on PORT); 0 turns it off. */
  @IntSetting(0, 65535)
  METRICS_PORT = 9464;

  /** The address the metrics port binds to: loopback unless an internal network needs it. */
  @IsOptional()
  @IsIP(undefined, { message: 'must be an IP address such as 127.0.0.1 or 0.0.0.0' })
  METRICS_HOST = '127.0.0.1';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Express "trust proxy": set it (e.g. `1`, or `loopback, 10.0.0.0/8`) when behind a load balancer, so rate limits see client addresses. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL!: string;

  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL!: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM!: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_URL!: string;

  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_ACCESS_SECRET!: string;

  /** Keys the refresh-token and invitation-token hashes (HMAC), so a database leak alone cannot mint them. */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_REFRESH_SECRET!: string;

  /** Access-token lifetime in seconds. */
  @IntSetting(30, 86_400)
  JWT_ACCESS_TTL = 900;

  /** Refresh-token lifetime in seconds. */
  @IntSetting(300)
  JWT_REFRESH_TTL = 30 * 86_400;

  /** Invitation lifetime in hours. */
  @IntSetting(1, 24 * 60)
  INVITATION_TTL_HOURS = 168;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  /** Failed logins in a row before an account is locked. */
  @IntSetting(1)
  LOGIN_MAX_FAILURES = 5;

  @IntSetting(1)
  LOGIN_LOCK_MINUTES = 15;

  /** Login attempts per minute per client address and e-mail before 429. */
  @IntSetting(1)
  LOGIN_RATE_LIMIT = 10;

  /** Requests per minute per client address across the API before 429. */
  @IntSetting(1)
  API_RATE_LIMIT = 1200;

  /** Outbox relay polling interval (ms); LISTEN/NOTIFY wakes it sooner. */
  @IntSetting(100)
  OUTBOX_POLL_MS = 2000;

  @IntSetting(1, 100)
  WORKER_CONCURRENCY = 5;

  /** How long a job's lock lasts without renewal: after a worker dies its jobs are retried after this. */
  @IntSetting(1000)
  JOB_LOCK_MS = 30_000;

  /** How long before a task's due date its assignees are reminded (hours). */
  @IntSetting(1)
  TASK_DUE_REMINDER_HOURS = 24;

  /** How long before a partnership agreement expires the lead is reminded (days). */
  @IntSetting(1)
  AGREEMENT_REMINDER_DAYS = 30;

  /** How long before a consultation closes the invitees that have not answered are reminded (seconds; 3 days). */
  @IntSetting(1)
  CONSULTATION_REMINDER_SECONDS = 3 * 86_400;

  /** How long before a consultation meeting its attendees are reminded (seconds; a day). */
  @IntSetting(1)
  CONSULTATION_MEETING_REMINDER_SECONDS = 86_400;

  /** How long an opened retention check-in may stay unanswered before the employer is reminded (seconds; 7 days). */
  @IntSetting(1)
  CHECK_IN_REMINDER_SECONDS = 7 * 86_400;

  /** How often the digest tick runs (ms; default hourly). It sends to users whose local time is 08:xx. */
  @IntSetting(1000)
  NOTIFICATION_DIGEST_TICK_MS = 3_600_000;

  /** Consecutive deliveries that failed for good before a webhook endpoint is disabled. */
  @IntSetting(1)
  WEBHOOK_DISABLE_AFTER_FAILURES = 5;

  /** Attempts per webhook delivery (exponential backoff from WEBHOOK_RETRY_BASE_MS). */
  @IntSetting(1, 20)
  WEBHOOK_MAX_ATTEMPTS = 8;

  /** First retry delay of a webhook delivery (ms); doubles each attempt. */
  @IntSetting(10)
  WEBHOOK_RETRY_BASE_MS = 10_000;

  /** How long a webhook receiver has to answer (ms). */
  @IntSetting(100, 60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Allow webhook URLs that resolve to loopback, private or link-local addresses (SSRF guard off). */
  @IsOptional()
  @Transform(({ value }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_NETWORKS = false;

  /** Directory where report files are kept; the api and every worker must share it (a volume in docker). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  REPORT_STORAGE_DIR = './.data/reports';

  /**
   * Directory of a worker's temporary files (a CSV's rows COPYed while its statistics run): local
   * to the worker, not shared; the OS temporary directory when unset.
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  REPORT_SPOOL_DIR?: string;

  /** How many days a built report can be downloaded before its file is deleted. */
  @IntSetting(1, 3650)
  REPORT_RETENTION_DAYS = 30;

  /** How often the worker sweeps expired report files (milliseconds; an hour). */
  @IntSetting(1000)
  REPORT_EXPIRE_EVERY_MS = 3_600_000;

  /**
   * Testing/ops knob: when set, every report schedule fires every this many milliseconds instead of
   * its weekly or monthly calendar time. Leave unset in production.
   */
  @IntSetting(500)
  REPORT_SCHEDULE_EVERY_MS?: number;

  /** How many times a report build that failed unexpectedly (not a refusal) is tried before it is marked failed. */
  @IntSetting(1, 8)
  REPORT_MAX_ATTEMPTS = 3;

  /** IATI organisation identifier of the publisher (reporting-org ref) and the prefix of activity identifiers. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,60}$/, {
    message: 'must be an IATI organisation identifier such as XI-IATI-TANDEM',
  })
  IATI_REPORTING_ORG_REF = 'XI-IATI-TANDEM';

  /** Upper bound on graceful shutdown before the process exits anyway. */
  @IntSetting(1000)
  SHUTDOWN_TIMEOUT_MS = 25_000;

  /**
   * Api: after SIGTERM, how long readiness answers 503 while the api still serves normally, so the
   * load balancer stops routing to it before it stops accepting connections (ms).
   */
  @IntSetting(0)
  SHUTDOWN_DRAIN_MS = 5_000;

  /** SMTP connections kept open and shared per process (nodemailer pool). */
  @IntSetting(1, 50)
  SMTP_POOL_SIZE = 5;

  /** At most this many messages per SMTP_RATE_DELTA_MS (default: per second) per process (0: no limit), for providers that throttle. */
  @IntSetting(0)
  SMTP_RATE_LIMIT = 0;

  /** Messages one pooled SMTP connection carries before it is closed and a fresh one opened (nodemailer maxMessages). */
  @IntSetting(1)
  SMTP_MAX_MESSAGES = 1000;

  /** The window SMTP_RATE_LIMIT counts in (ms; nodemailer rateDelta): e.g. 60000 with a limit of 600 for "600 a minute". */
  @IntSetting(100)
  SMTP_RATE_DELTA_MS = 1000;

  /**
   * How long a claimed e-mail (status `sending`) stays reserved for the worker that claimed it (ms).
   * Only after a crash in mid-exchange does it matter: the message is sent again (same Message-ID)
   * once the lease has run out. Keep it well above the SMTP timeout (half of it, at most 60 s).
   */
  @IntSetting(1000)
  EMAIL_LEASE_MS = 120_000;

  /** A notification reaching more e-mail recipients than this goes out on the bulk e-mail queue. */
  @IntSetting(1)
  BULK_EMAIL_THRESHOLD = 50;

  /** How often the retention check-in sweep opens due check-ins and sends reminders (ms). */
  @IntSetting(500)
  CHECK_IN_SWEEP_MS = 60_000;

  /** How often the task reminder sweep sends the due-soon and overdue reminders whose time has come (ms). */
  @IntSetting(500)
  TASK_REMINDER_SWEEP_MS = 60_000;

  /**
   * How often the consultation timer sweep opens and closes consultations whose dates have come and
   * sends the closing and meeting reminders whose time has come (ms): a consultation opens or closes
   * up to this long after its date.
   */
  @IntSetting(500)
  CONSULTATION_SWEEP_MS = 10_000;

  /** How often the agreement reminder sweep reminds the managers of agreements about to expire (ms). */
  @IntSetting(500)
  AGREEMENT_REMINDER_SWEEP_MS = 60_000;

  /**
   * The built web console (index.html and assets) that the api serves under /app. Default: the
   * `web` folder beside the api bundle (dist/apps/web). Nothing is served when it has no index.html.
   */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /**
   * How long an api replica may answer from its in-process cache of sessions (user, session,
   * memberships) before reading them again (ms); 0 turns the cache off. Revocations reach every
   * replica at once over Redis; this bounds only what a replica cut off from Redis without knowing
   * it could serve (docs/performance.md#reads).
   */
  @IntSetting(0, 60_000)
  SESSION_CACHE_TTL_MS = 10_000;

  /** Sessions each api replica keeps cached at most (least recently used leave first). */
  @IntSetting(1)
  SESSION_CACHE_MAX = 10_000;

  /**
   * How long a logout, a role change or a write request (read cache) waits for every replica to
   * confirm its cache eviction (ms).
   */
  @IntSetting(10, 10_000)
  SESSION_EVICT_ACK_TIMEOUT_MS = 1000;

  /**
   * How long an api replica may answer `GET /me/tasks` and `GET /programmes/{id}/dashboard` from its
   * in-process cache of rendered responses (ms); 0 turns the cache off. Every committed write to the
   * tables they read drops the cache on every replica (PostgreSQL notifications, and write requests
   * over Redis before they answer); this caps only what a replica cut off without knowing it could
   * serve (docs/performance.md#reads).
   */
  @IntSetting(0, 60_000)
  READ_CACHE_TTL_MS = 5_000;

  /** Rendered read responses each api replica keeps at most (least recently used leave first). */
  @IntSetting(1)
  READ_CACHE_MAX = 1_000;
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    // One line per bad variable, nothing else: it is read by whoever deploys, not by a debugger.
    super(problems.map((p) => `Invalid configuration: ${p}`).join('\n'));
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map((e) => {
    const reasons = Object.values(e.constraints ?? {}).join('; ');
    const shown = e.value === undefined || e.value === '' ? 'missing' : reasons;
    return `${e.property}: ${shown === 'missing' ? 'is required' : shown}`;
  });
}

export function loadConfig<T extends DatabaseConfig>(
  cls: new () => T,
  env: Record<string, string | undefined>,
): T {
  const config = plainToInstance(cls, env, { excludeExtraneousValues: false });
  const errors = validateSync(config as object, { skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigValidationError(describe(errors));
  return config;
}

/** Prints one line per problem and exits 1 (no stack trace); returns when there are none. */
export function exitOnConfigProblems(problems: string[]): void {
  if (!problems.length) return;
  process.stderr.write(`${new ConfigValidationError(problems).message}\n`);
  process.exit(1);
}

/** Reads and validates the environment, or prints which variables are wrong and exits. */
export function loadConfigOrExit<T extends DatabaseConfig>(cls: new () => T): T {
  try {
    // The one place that reads process.env.
    return loadConfig(cls, process.env);
  } catch (err) {
    if (err instanceof ConfigValidationError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
