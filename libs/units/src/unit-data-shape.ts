import { UNIT_KINDS, UnitDirectoryData } from './unit.types';

type Fields = Record<string, unknown>;

const UNIT_STRING_FIELDS = ['code', 'fullName', 'shortName'] as const;
const UNIT_NULLABLE_FIELDS = ['parentCode', 'successorCode', 'successorSince'] as const;

/** Checks that parsed JSON has the shape of UnitDirectoryData; throws naming the first bad entry. */
export function assertUnitDirectoryShape(value: unknown): asserts value is UnitDirectoryData {
  const root = asFields(value, 'unit directory');
  asArray(root.units, 'units').forEach((unit, i) => assertUnitShape(unit, `units[${i}]`));
  asArray(root.groups, 'groups').forEach((group, i) =>
    assertNamedShape(group, `groups[${i}]`, ['aliases', 'memberCodes']),
  );
  asArray(root.placeholders, 'placeholders').forEach((placeholder, i) =>
    assertNamedShape(placeholder, `placeholders[${i}]`, ['aliases']),
  );
}

function assertUnitShape(value: unknown, where: string): void {
  const unit = asFields(value, where);
  const label = typeof unit.code === 'string' ? `unit "${unit.code}"` : where;
  for (const field of UNIT_STRING_FIELDS) expectString(unit[field], `${label}.${field}`);
  for (const field of UNIT_NULLABLE_FIELDS) {
    if (unit[field] !== null) expectString(unit[field], `${label}.${field} (string or null)`);
  }
  expectStringArray(unit.aliases, `${label}.aliases`);
  if (!(UNIT_KINDS as readonly unknown[]).includes(unit.kind)) {
    throw new Error(`Unit directory: ${label} has unknown kind ${JSON.stringify(unit.kind)}`);
  }
}

function assertNamedShape(value: unknown, where: string, arrayFields: string[]): void {
  const entry = asFields(value, where);
  expectString(entry.name, `${where}.name`);
  for (const field of arrayFields) expectStringArray(entry[field], `${where} "${String(entry.name)}".${field}`);
}

function asFields(value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Unit directory: ${where} must be an object`);
  }
  return value as Fields;
}

function asArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`Unit directory: ${where} must be an array`);
  return value;
}

function expectString(value: unknown, where: string): void {
  if (typeof value !== 'string') throw new Error(`Unit directory: ${where} must be a string`);
}

function expectStringArray(value: unknown, where: string): void {
  if (!asArray(value, where).every((item) => typeof item === 'string')) {
    throw new Error(`Unit directory: ${where} must hold only strings`);
  }
}
