import { plainToInstance, Transform } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
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

  /**
   * 考核 weights (see libs/reporting/src/figures/assessment.ts): points for completing the work come
   * due on time (of 100), and points deducted per task acknowledged late, per progress report
   * missing, per task escalated to 督办 and per task escalated to 挂牌督办.
   */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(100)
  ASSESSMENT_WEIGHT_ON_TIME = 60;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(100)
  ASSESSMENT_WEIGHT_LATE_ACKNOWLEDGEMENT = 2;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(100)
  ASSESSMENT_WEIGHT_MISSING_REPORT = 3;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(100)
  ASSESSMENT_WEIGHT_SUPERVISED = 5;

  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(100)
  ASSESSMENT_WEIGHT_FLAGGED = 10;

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

  /** AES-256-GCM key (base64 of 32 bytes) that encrypts people's mobile numbers at rest. Unset: no mobile is stored. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'base64 of exactly 32 bytes' })
  CHANNEL_DATA_KEY?: string;

  /** WeCom (企业微信) self-built app: all of CORP_ID, AGENT_ID, SECRET, CALLBACK_TOKEN, ENCODING_AES_KEY, or none. */
  @IsOptional() @IsString() WECOM_CORP_ID?: string;
  @IsOptional() @Matches(/^\d+$/, { message: 'the app AgentId, digits' }) WECOM_AGENT_ID?: string;
  @IsOptional() @IsString() @MinLength(8) WECOM_SECRET?: string;
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,32}$/, { message: 'letters and digits, at most 32' })
  WECOM_CALLBACK_TOKEN?: string;
  @IsOptional() @Matches(/^[A-Za-z0-9]{43}$/, { message: '43 letters and digits' }) WECOM_ENCODING_AES_KEY?: string;
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) WECOM_BASE_URL =
    'https://qyapi.weixin.qq.com';

  /** DingTalk (钉钉/政务钉钉) internal app: all of APP_KEY, APP_SECRET, AGENT_ID, or none. */
  @IsOptional() @IsString() DINGTALK_APP_KEY?: string;
  @IsOptional() @IsString() @MinLength(8) DINGTALK_APP_SECRET?: string;
  @IsOptional() @Matches(/^\d+$/, { message: 'the app AgentId, digits' }) DINGTALK_AGENT_ID?: string;
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) DINGTALK_BASE_URL =
    'https://oapi.dingtalk.com';

  /** SMS for chosen escalations: a provider and all of its keys, sign name and template, or none. */
  @IsOptional() @IsIn(['aliyun', 'tencent']) SMS_PROVIDER?: 'aliyun' | 'tencent';
  @IsOptional() @IsString() SMS_ACCESS_KEY_ID?: string;
  @IsOptional() @IsString() @MinLength(8) SMS_ACCESS_KEY_SECRET?: string;
  @IsOptional() @IsString() SMS_SIGN_NAME?: string;
  @IsOptional() @IsString() SMS_TEMPLATE_CODE?: string;
  /** Tencent's SmsSdkAppId (Tencent only). */
  @IsOptional() @IsString() SMS_APP_ID?: string;
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  SMS_BASE_URL?: string;
}

/** Each external channel's credentials: all given or none, so a half-configured channel stops the start. */
const CHANNEL_CREDENTIALS: Record<string, readonly (keyof AppConfig)[]> = {
  WeCom: ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_CALLBACK_TOKEN', 'WECOM_ENCODING_AES_KEY'],
  DingTalk: ['DINGTALK_APP_KEY', 'DINGTALK_APP_SECRET', 'DINGTALK_AGENT_ID'],
  SMS: ['SMS_PROVIDER', 'SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_CODE'],
};

/** Names what is missing, never a value given. */
function channelCredentialProblems(config: AppConfig): string[] {
  const problems = Object.entries(CHANNEL_CREDENTIALS).flatMap(([channel, keys]) => {
    const missing = keys.filter((key) => config[key] === undefined);
    return missing.length > 0 && missing.length < keys.length ? [`${channel}: ${missing.join(', ')} missing`] : [];
  });
  if (config.SMS_PROVIDER === 'tencent' && !config.SMS_APP_ID) problems.push('SMS: SMS_APP_ID missing for tencent');
  return problems;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Settings with no default: absent from a fresh AppConfig's keys. */
const OPTIONAL_KEYS = [
  'JWT_SECRET',
  'LADDER_OVERRIDES',
  'METRICS_TOKEN',
  'WORKER_METRICS_PORT',
  'CHANNEL_DATA_KEY',
  ...Object.values(CHANNEL_CREDENTIALS).flat(),
  'SMS_APP_ID',
  'SMS_BASE_URL',
];

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
  const channelProblems = channelCredentialProblems(config);
  if (channelProblems.length > 0)
    throw new ConfigError(`Invalid environment configuration — ${channelProblems.join(' | ')}`);
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    throw new ConfigError(
      'Invalid environment configuration — JWT_SECRET: required when NODE_ENV=production (at least 32 characters)',
    );
  }
  return config;
}
