import type { EscalationRule, EscalationTarget, WorkingHours } from './ladder-config';
import { isClockTime } from '@app/calendar';

/** Field readers for ladder overrides: each returns a checked value or throws naming the field. */

export function fail(field: string, problem: string, value: unknown): never {
  throw new Error(`Invalid ladder setting ${field}: ${problem} (got ${JSON.stringify(value)})`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function rejectUnknownKeys(value: Record<string, unknown>, known: readonly string[], field: string): void {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined)
    fail(`${field}.${unknown}`, `unknown setting (known: ${known.join(', ')})`, value[unknown]);
}

export function wholeNumber(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    fail(field, `must be a whole number of at least ${min}`, value);
  return value;
}

/** Working-day offsets: whole numbers ≥ 1, strictly decreasing (so no duplicates), possibly none. */
export function offsets(value: unknown, field: string): readonly number[] {
  if (!Array.isArray(value)) fail(field, 'must be a list of working days', value);
  const days = (value as unknown[]).map((item, index) => wholeNumber(item, `${field}[${index}]`, 1));
  days.forEach((day, index) => {
    if (index > 0 && day >= days[index - 1])
      fail(field, 'must be in strictly decreasing order, without duplicates', value);
  });
  return days;
}

const TARGETS: readonly EscalationTarget[] = ['assigner', 'supervisor', 'leadership'];

function escalationRule(value: unknown, field: string): EscalationRule {
  if (!isRecord(value)) fail(field, 'must be an object { afterWorkingDaysOverdue, to, level }', value);
  rejectUnknownKeys(value, ['afterWorkingDaysOverdue', 'to', 'level'], field);
  const to = value.to;
  if (!TARGETS.includes(to as EscalationTarget)) fail(`${field}.to`, `must be one of ${TARGETS.join(', ')}`, to);
  return {
    afterWorkingDaysOverdue: wholeNumber(value.afterWorkingDaysOverdue, `${field}.afterWorkingDaysOverdue`, 1),
    to: to as EscalationTarget,
    level: wholeNumber(value.level, `${field}.level`, 1),
  };
}

/** Escalations: later ones fire strictly later and at a strictly higher level. */
export function escalations(value: unknown, field: string): readonly EscalationRule[] {
  if (!Array.isArray(value)) fail(field, 'must be a list of escalations', value);
  const rules = (value as unknown[]).map((item, index) => escalationRule(item, `${field}[${index}]`));
  rules.forEach((rule, index) => {
    const previous = rules[index - 1];
    if (!previous) return;
    if (rule.afterWorkingDaysOverdue <= previous.afterWorkingDaysOverdue) {
      fail(
        `${field}[${index}].afterWorkingDaysOverdue`,
        'must be greater than the previous escalation’s',
        rule.afterWorkingDaysOverdue,
      );
    }
    if (rule.level <= previous.level)
      fail(`${field}[${index}].level`, 'must be greater than the previous escalation’s', rule.level);
  });
  return rules;
}

function clockTime(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isClockTime(value))
    fail(field, 'must be a time HH:MM between 00:00 and 23:59', value);
  return value;
}

/** A partial override: `{ "end": "17:30" }` keeps the current start. */
export function workingHours(value: unknown, field: string, current: WorkingHours): WorkingHours {
  if (!isRecord(value)) fail(field, 'must be an object { start, end }', value);
  rejectUnknownKeys(value, ['start', 'end'], field);
  return {
    start: value.start === undefined ? current.start : clockTime(value.start, `${field}.start`),
    end: value.end === undefined ? current.end : clockTime(value.end, `${field}.end`),
  };
}
