import { UnitDirectoryData, UnitRecord } from './unit.types';

const CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Checks codes and the links between entries (parents, successors, members); UnitNameIndex checks the names. */
export function assertUnitDirectoryRules(data: UnitDirectoryData): Map<string, UnitRecord> {
  const byCode = indexByCode(data.units);
  for (const unit of data.units) assertUnitLinks(unit, byCode);
  for (const unit of data.units) assertNoChainCycle(unit, byCode, 'parentCode');
  for (const unit of data.units) assertNoChainCycle(unit, byCode, 'successorCode');
  for (const group of data.groups) assertGroupMembers(group.name, group.memberCodes, byCode);
  return byCode;
}

function indexByCode(units: readonly UnitRecord[]): Map<string, UnitRecord> {
  const byCode = new Map<string, UnitRecord>();
  for (const unit of units) {
    if (!CODE_PATTERN.test(unit.code)) fail(unit, 'has a code that is not lowercase ASCII words joined by "-"');
    if (byCode.has(unit.code)) fail(unit, 'is listed twice (duplicate code)');
    byCode.set(unit.code, unit);
  }
  return byCode;
}

function assertUnitLinks(unit: UnitRecord, byCode: Map<string, UnitRecord>): void {
  if (unit.parentCode !== null && !byCode.has(unit.parentCode)) {
    fail(unit, `has unknown parentCode "${unit.parentCode}"`);
  }
  if (unit.successorCode !== null && !byCode.has(unit.successorCode)) {
    fail(unit, `has unknown successorCode "${unit.successorCode}"`);
  }
  if ((unit.successorCode === null) !== (unit.successorSince === null)) {
    fail(unit, 'must set successorCode and successorSince together');
  }
  if (unit.successorSince !== null && !isIsoDate(unit.successorSince)) {
    fail(unit, `has successorSince "${unit.successorSince}", not a YYYY-MM-DD date`);
  }
}

function assertNoChainCycle(
  start: UnitRecord,
  byCode: Map<string, UnitRecord>,
  link: 'parentCode' | 'successorCode',
): void {
  const seen = new Set<string>([start.code]);
  for (let next = start[link]; next !== null; next = byCode.get(next)?.[link] ?? null) {
    if (seen.has(next)) fail(start, `has a ${link} chain that loops (${[...seen, next].join(' -> ')})`);
    seen.add(next);
  }
}

function assertGroupMembers(name: string, memberCodes: readonly string[], byCode: Map<string, UnitRecord>): void {
  if (memberCodes.length === 0) throw new Error(`Unit directory: group "${name}" has no members`);
  if (new Set(memberCodes).size !== memberCodes.length) {
    throw new Error(`Unit directory: group "${name}" lists a member twice`);
  }
  const unknown = memberCodes.find((code) => !byCode.has(code));
  if (unknown !== undefined) throw new Error(`Unit directory: group "${name}" has unknown member code "${unknown}"`);
}

function fail(unit: UnitRecord, problem: string): never {
  throw new Error(`Unit directory: unit "${unit.code}" ${problem}`);
}
