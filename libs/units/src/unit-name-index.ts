import { normalizeName } from '@app/common';
import { UnitDirectoryData, UnitGroupRecord, UnitPlaceholderRecord, UnitRecord } from './unit.types';

export type NameOwner =
  | { kind: 'unit'; entry: UnitRecord }
  | { kind: 'group'; entry: UnitGroupRecord }
  | { kind: 'placeholder'; entry: UnitPlaceholderRecord };

const PROVINCE_PREFIX = '山西省';
const SHORT_PROVINCE_PREFIX = '省';

/** Maps every normalised name and alias to the entry it names; a name may belong to one entry only. */
export class UnitNameIndex {
  private readonly owners = new Map<string, NameOwner>();

  constructor(data: UnitDirectoryData) {
    for (const entry of data.units) {
      this.addAll({ kind: 'unit', entry }, [entry.fullName, entry.shortName, ...entry.aliases]);
    }
    for (const entry of data.groups) this.addAll({ kind: 'group', entry }, [entry.name, ...entry.aliases]);
    for (const entry of data.placeholders) this.addAll({ kind: 'placeholder', entry }, [entry.name, ...entry.aliases]);
  }

  /** Documents write 山西省X and 省X interchangeably, so the long form falls back to the short one. */
  find(name: string): NameOwner | undefined {
    const key = normalizeName(name);
    const direct = this.owners.get(key);
    if (direct !== undefined || !key.startsWith(PROVINCE_PREFIX)) return direct;
    return this.owners.get(SHORT_PROVINCE_PREFIX + key.slice(PROVINCE_PREFIX.length));
  }

  /** Repeating a name within one entry is harmless; sharing it with another entry would make it ambiguous. */
  private addAll(owner: NameOwner, names: readonly string[]): void {
    for (const name of names) {
      const key = normalizeName(name);
      if (key === '') throw new Error(`Unit directory: ${describe(owner)} has an empty name or alias`);
      const existing = this.owners.get(key);
      if (existing === undefined) this.owners.set(key, owner);
      else if (existing.entry !== owner.entry) {
        const taken = `uses the name "${name}", which already names ${describe(existing)}`;
        throw new Error(`Unit directory: ${describe(owner)} ${taken}`);
      }
    }
  }
}

function describe(owner: NameOwner): string {
  return owner.kind === 'unit' ? `unit "${owner.entry.code}"` : `${owner.kind} "${owner.entry.name}"`;
}
