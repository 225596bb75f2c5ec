import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@app/common';
import { assertUnitDirectoryShape } from './unit-data-shape';
import { assertUnitDirectoryRules, isIsoDate } from './unit-data-rules';
import { UnitNameIndex } from './unit-name-index';
import { ResolvedUnit, UnitDirectoryData, UnitNameResolution, UnitNameResolver, UnitRecord } from './unit.types';

const SEED_FILE = join('seeds', 'units.json');

/** The units, groups and placeholders of the directory, looked up by the names documents use. */
export class UnitDirectory implements UnitNameResolver {
  private constructor(
    private readonly source: UnitDirectoryData,
    private readonly byCode: ReadonlyMap<string, UnitRecord>,
    private readonly names: UnitNameIndex,
  ) {}

  /** Validates the data, throwing an Error that names the offending entry, and keeps a frozen private copy. */
  static fromData(data: UnitDirectoryData): UnitDirectory {
    assertUnitDirectoryShape(data);
    const copy = deepFreeze(structuredClone(data));
    const byCode = assertUnitDirectoryRules(copy);
    return new UnitDirectory(copy, byCode, new UnitNameIndex(copy));
  }

  resolve(name: string, asOf: string): UnitNameResolution {
    if (!isIsoDate(asOf)) throw new Error(`UnitDirectory.resolve: asOf "${asOf}" is not a YYYY-MM-DD date`);
    const owner = this.names.find(name);
    switch (owner?.kind) {
      case 'unit':
        return { kind: 'unit', name, units: [this.currentUnit(owner.entry, asOf)] };
      case 'group': {
        const units = owner.entry.memberCodes.map((code) => this.currentUnit(this.requireUnit(code), asOf));
        return { kind: 'group', name, units };
      }
      case 'placeholder':
        return { kind: 'placeholder', name, units: [] };
      default:
        return { kind: 'unknown', name, units: [] };
    }
  }

  units(): readonly UnitRecord[] {
    return this.source.units;
  }

  findByCode(code: string): UnitRecord | undefined {
    return this.byCode.get(code);
  }

  data(): UnitDirectoryData {
    return structuredClone(this.source);
  }

  /** Follows the successor chain as far as successors had taken over by asOf. */
  private currentUnit(named: UnitRecord, asOf: string): ResolvedUnit {
    let current = named;
    let since: string | null = null;
    while (current.successorCode !== null && current.successorSince !== null && current.successorSince <= asOf) {
      since = current.successorSince;
      current = this.requireUnit(current.successorCode);
    }
    const replaces = since === null ? null : { code: named.code, fullName: named.fullName, since };
    return { code: current.code, fullName: current.fullName, replaces };
  }

  private requireUnit(code: string): UnitRecord {
    const unit = this.byCode.get(code);
    if (unit === undefined) throw new Error(`UnitDirectory: no unit "${code}"`);
    return unit;
  }
}

/** Reads and shape-checks a directory file; by default the project's seeds/units.json. */
export function readUnitDirectoryData(path: string = join(repositoryRoot(), SEED_FILE)): UnitDirectoryData {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  assertUnitDirectoryShape(parsed);
  return parsed;
}

export function loadSeedUnitDirectory(): UnitDirectory {
  return UnitDirectory.fromData(readUnitDirectoryData());
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
