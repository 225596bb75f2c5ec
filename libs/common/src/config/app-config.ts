import { plainToInstance, Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/**
 * Every setting the engine reads from the environment, validated once at start.
 * Defaults suit a developer machine: PostgreSQL and Redis on 127.0.0.1.
 */
export class AppConfig {
  @IsString()
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/supervision';

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(65535)
  API_PORT = 3000;

  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Signs API tokens. Required in production; elsewhere a random one is made per process. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(60)
  JWT_TTL_SECONDS = 3600;

  /** Where attachment files are kept, outside the database, named by their SHA-256. */
  @IsString()
  ATTACHMENTS_DIR = 'var/attachments';

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1024)
  ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** BullMQ key prefix; on a Redis Cluster use a hash tag such as {supervision} so a queue's keys share a slot. */
  @IsString()
  QUEUE_PREFIX = 'supervision';

  /** Global changes to the reminder and escalation ladder, as JSON (e.g. {"reminderWorkingDaysBefore":[5]}). */
  @IsOptional()
  @IsString()
  LADDER_OVERRIDES?: string;

  /** How many tasks one delivery batch claims (all of each task's due steps go in its batch): smaller commits sooner. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(10_000)
  STEP_BATCH_TASKS = 250;

  /** The worker marks an on-demand report failed, unmade, when this many requests wait ahead of it. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  REPORT_QUEUE_MAX_DEPTH = 20;

  /** Lets admins add, retry, promote and clean jobs from the queue dashboard; off, it only reads. */
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  QUEUE_BOARD_JOB_WRITING = false;

  /** A unit with fewer tasks come due than this is still ranked in the bulletin, but marked: one task decides its rate. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  REPORT_MIN_DUE_TASKS = 3;

  /** Bearer token for /metrics (Prometheus). Unset: /metrics is off (404) in the API and the worker. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  /** Port on 127.0.0.1 where a worker serves /metrics (with METRICS_TOKEN). Unset: no metrics server. */
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_METRICS_PORT?: number;

  /** Ports a webhook URL may name (comma-separated). */
  @Transform(({ value }) => (typeof value === 'string' ? list(value).map(Number) : value))
  @IsArray()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(65535, { each: true })
  WEBHOOK_ALLOWED_PORTS: number[] = [80, 443];

  /** Hosts a webhook may reach whatever they resolve to, on any port: an intranet receiver (comma-separated). */
  @Transform(({ value }) => (typeof value === 'string' ? list(value).map((host) => host.toLowerCase()) : value))
  @IsArray()
  @IsString({ each: true })
  WEBHOOK_ALLOWED_HOSTS: string[] = [];
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Settings with no default: absent from a fresh AppConfig's keys. */
const OPTIONAL_KEYS = ['JWT_SECRET', 'LADDER_OVERRIDES', 'METRICS_TOKEN', 'WORKER_METRICS_PORT'];

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const given = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => (known.includes(key) || OPTIONAL_KEYS.includes(key)) && value !== undefined && value !== '',
    ),
  );
  const config = plainToInstance(AppConfig, given);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const details = errors.map((error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid environment configuration — ${details.join(' | ')}`);
  }
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    throw new ConfigError(
      'Invalid environment configuration — JWT_SECRET: required when NODE_ENV=production (at least 32 characters)',
    );
  }
  return config;
}
