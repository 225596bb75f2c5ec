import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UnitDirectory } from '../unit-directory';
import type { UnitDirectoryData, UnitRecord } from '../unit.types';
import { UnitEntity, UnitNameRuleEntity } from './unit.entity';

export interface UnitLoadReport {
  inserted: number;
  updated: number;
  unchanged: number;
  rules: number;
}

/** The unit directory as PostgreSQL holds it: loaded from seed data, read back as a UnitDirectory. */
@Injectable()
export class UnitDirectoryStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(manager: EntityManager = this.dataSource.manager): Promise<UnitDirectory> {
    return UnitDirectory.fromData(await this.readData(manager));
  }

  async readData(manager: EntityManager = this.dataSource.manager): Promise<UnitDirectoryData> {
    const [units, rules] = await Promise.all([
      manager.find(UnitEntity, { order: { code: 'ASC' } }),
      manager.find(UnitNameRuleEntity, { order: { name: 'ASC' } }),
    ]);
    return {
      units: units.map(toUnitRecord),
      groups: rules
        .filter((rule) => rule.rule === 'group')
        .map(({ name, aliases, memberCodes }) => ({ name, aliases, memberCodes })),
      placeholders: rules.filter((rule) => rule.rule === 'placeholder').map(({ name, aliases }) => ({ name, aliases })),
    };
  }

  /**
   * Upserts every unit and name rule of `data` in one transaction. Idempotent: a second load of the
   * same data changes nothing. Units missing from `data` are kept, since work may still refer to them.
   */
  async upsert(data: UnitDirectoryData): Promise<UnitLoadReport> {
    UnitDirectory.fromData(data);
    return this.dataSource.transaction(async (manager) => {
      const report: UnitLoadReport = { inserted: 0, updated: 0, unchanged: 0, rules: 0 };
      for (const unit of data.units) report[await upsertUnit(manager, unit)] += 1;
      for (const group of data.groups) {
        await upsertRule(manager, {
          name: group.name,
          rule: 'group',
          aliases: group.aliases,
          memberCodes: group.memberCodes,
        });
      }
      for (const placeholder of data.placeholders) {
        await upsertRule(manager, {
          name: placeholder.name,
          rule: 'placeholder',
          aliases: placeholder.aliases,
          memberCodes: [],
        });
      }
      report.rules = data.groups.length + data.placeholders.length;
      return report;
    });
  }
}

function toUnitRecord(entity: UnitEntity): UnitRecord {
  const { code, fullName, shortName, aliases, kind, parentCode, successorCode, successorSince } = entity;
  return { code, fullName, shortName, aliases, kind, parentCode, successorCode, successorSince };
}

async function upsertUnit(manager: EntityManager, unit: UnitRecord): Promise<'inserted' | 'updated' | 'unchanged'> {
  const rows: { inserted: boolean }[] = await manager.query(
    `INSERT INTO units (code, full_name, short_name, aliases, kind, parent_code, successor_code, successor_since)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (code) DO UPDATE SET
       full_name = EXCLUDED.full_name, short_name = EXCLUDED.short_name, aliases = EXCLUDED.aliases,
       kind = EXCLUDED.kind, parent_code = EXCLUDED.parent_code, successor_code = EXCLUDED.successor_code,
       successor_since = EXCLUDED.successor_since, updated_at = now()
     WHERE (units.full_name, units.short_name, units.aliases, units.kind, units.parent_code, units.successor_code, units.successor_since)
       IS DISTINCT FROM (EXCLUDED.full_name, EXCLUDED.short_name, EXCLUDED.aliases, EXCLUDED.kind, EXCLUDED.parent_code, EXCLUDED.successor_code, EXCLUDED.successor_since)
     RETURNING (xmax = 0) AS inserted`,
    [
      unit.code,
      unit.fullName,
      unit.shortName,
      unit.aliases,
      unit.kind,
      unit.parentCode,
      unit.successorCode,
      unit.successorSince,
    ],
  );
  if (rows.length === 0) return 'unchanged';
  return rows[0].inserted ? 'inserted' : 'updated';
}

async function upsertRule(manager: EntityManager, rule: UnitNameRuleEntity): Promise<void> {
  await manager.query(
    `INSERT INTO unit_name_rules (name, rule, aliases, member_codes) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET rule = EXCLUDED.rule, aliases = EXCLUDED.aliases, member_codes = EXCLUDED.member_codes`,
    [rule.name, rule.rule, rule.aliases, rule.memberCodes],
  );
}
