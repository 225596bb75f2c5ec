import { createHash } from 'node:crypto';
import type { MeasureDeadline, MeasureUnits, ParsedMeasure } from '../parsing/parse-result.types';
import type { MeasureUnitRole } from '../persistence/measure.entity';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What makes a measure "changed" between two revisions: its words, its units and its deadline. */
export function measureFingerprint(
  measure: Pick<ParsedMeasure, 'title' | 'text'> & { deadline: Pick<MeasureDeadline, 'date'>; unitsRaw: string | null },
): string {
  return sha256(JSON.stringify([measure.title, measure.text, measure.unitsRaw, measure.deadline.date]));
}

export interface ResponsibleUnit {
  unitCode: string;
  role: MeasureUnitRole;
  position: number;
}

/**
 * The units a measure's own clause makes responsible, lead first. Empty when the measure needs a
 * supervisor (a placeholder or an unknown name): partial assignments are never launched.
 * A group as lead (各市政府) makes every member a lead, each carrying its own share; so does a lead
 * group (`A、B牵头`).
 */
export function responsibleUnits(units: MeasureUnits): ResponsibleUnit[] {
  if (units.needsAssignment) return [];
  const seen = new Set<string>();
  const result: ResponsibleUnit[] = [];
  units.resolved.forEach((resolution, index) => {
    const role: MeasureUnitRole = index < Math.max(1, units.leadGroup.length) ? 'lead' : 'co';
    for (const unit of resolution.units) {
      if (seen.has(unit.code)) continue;
      seen.add(unit.code);
      result.push({ unitCode: unit.code, role, position: result.length });
    }
  });
  return result;
}
