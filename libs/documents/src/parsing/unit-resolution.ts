import type { UnitNameResolver } from '@app/units';
import type { DiagnosticLog } from './diagnostics';
import type { MeasureUnits } from './parse-result.types';
import type { ResponsibilityClause } from './responsibility';

export interface UnitContext {
  resolver: UnitNameResolver;
  asOf: string;
  log: DiagnosticLog;
}

/** Resolves the names a measure gives; reports placeholders, unknown names and measures with none. */
export function resolveUnits(
  clause: ResponsibilityClause | null,
  where: { path: string; line: number; leadLeftOut?: boolean },
  context: UnitContext,
): MeasureUnits {
  const names = clause?.names ?? [];
  if (clause === null || names.length === 0) {
    context.log.add(
      'warning',
      'NO_UNITS',
      '该措施未写明责任单位：需督查室指定责任单位后才能下达。',
      where.line,
      where.path,
    );
    return {
      raw: clause?.raw ?? null,
      lead: null,
      co: [],
      needsAssignment: true,
      resolved: [],
      leadGroup: [],
      divisions: [],
    };
  }
  const resolved = names.map((name) => context.resolver.resolve(name, context.asOf));
  for (const resolution of resolved) {
    if (resolution.kind === 'unknown') {
      const message = `单位目录中没有“${resolution.name}”：请督查室确认单位名称或指定责任单位。`;
      context.log.add('warning', 'UNKNOWN_UNIT', message, where.line, where.path);
    }
    if (resolution.kind === 'placeholder') {
      const message = `“${resolution.name}”不是具体单位：需督查室指定责任单位后才能下达。`;
      context.log.add('warning', 'PLACEHOLDER_UNIT', message, where.line, where.path);
    }
  }
  if (where.leadLeftOut) {
    const message = '任务分工表中该行的牵头单位为空：已记录所列单位，需督查室指定牵头单位后才能下达。';
    context.log.add('warning', 'LEAD_MISSING', message, where.line, where.path);
  }
  const needsAssignment =
    where.leadLeftOut === true ||
    resolved.some((resolution) => resolution.kind === 'unknown' || resolution.kind === 'placeholder');
  return {
    raw: clause.raw,
    lead: names[0]!,
    co: names.slice(1),
    needsAssignment,
    resolved,
    leadGroup: names.slice(0, Math.max(1, clause.leadCount)),
    divisions: clause.divisions,
  };
}
