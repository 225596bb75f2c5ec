import { DEFAULT_LADDER, type LadderConfig } from './ladder-config';
import { escalations, fail, isRecord, offsets, rejectUnknownKeys, wholeNumber, workingHours } from './ladder-fields';

type FieldReader<K extends keyof LadderConfig> = (
  value: unknown,
  field: string,
  current: LadderConfig,
) => LadderConfig[K];

const READERS: { readonly [K in keyof LadderConfig]: FieldReader<K> } = {
  ackDueWorkingDays: (value, field) => wholeNumber(value, field, 1),
  ackReminderAfterWorkingDays: (value, field) => wholeNumber(value, field, 1),
  reminderWorkingDaysBefore: offsets,
  escalations,
  reportDueWorkingDays: (value, field) => wholeNumber(value, field, 1),
  reportReminderWorkingDaysBefore: offsets,
  workingHours: (value, field, current) => workingHours(value, field, current.workingHours),
};

const FIELDS = Object.keys(READERS) as (keyof LadderConfig)[];

function withField<K extends keyof LadderConfig>(
  config: LadderConfig,
  key: K,
  value: unknown,
  field: string,
): LadderConfig {
  const next: LadderConfig = { ...config };
  (next as { -readonly [P in keyof LadderConfig]: LadderConfig[P] })[key] = READERS[key](value, field, config);
  return next;
}

function applyOverride(config: LadderConfig, override: unknown, field: string): LadderConfig {
  if (override === null || override === undefined) return config;
  if (!isRecord(override)) fail(field, 'must be an object of ladder settings', override);
  rejectUnknownKeys(override, FIELDS, field);
  return FIELDS.filter((key) => override[key] !== undefined).reduce(
    (next, key) => withField(next, key, override[key], `${field}.${key}`),
    config,
  );
}

/** Rules between fields, checked on the merged ladder (an override may be fine alone and not combined). */
function checkCombination(config: LadderConfig): LadderConfig {
  if (config.ackReminderAfterWorkingDays > config.ackDueWorkingDays) {
    fail(
      'ackReminderAfterWorkingDays',
      `must not exceed ackDueWorkingDays (${config.ackDueWorkingDays})`,
      config.ackReminderAfterWorkingDays,
    );
  }
  if (config.workingHours.start >= config.workingHours.end) {
    fail('workingHours', 'start must be before end', config.workingHours);
  }
  return config;
}

/**
 * The ladder in force: DEFAULT_LADDER, then each override in order (global, then per document).
 * An override is a partial LadderConfig; a list replaces the list, workingHours merges by field;
 * null and undefined overrides are skipped. Throws an Error naming the first field at fault.
 */
export function resolveLadder(overrides: readonly unknown[]): LadderConfig {
  const merged = overrides.reduce<LadderConfig>(
    (config, override, index) => applyOverride(config, override, `overrides[${index}]`),
    DEFAULT_LADDER,
  );
  return checkCombination(merged);
}
