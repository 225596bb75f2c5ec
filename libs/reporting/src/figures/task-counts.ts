import { RANKING_GROUPS } from '@app/units';
import type { TaskCounts, UnitFigures } from './report-figures';
import type { TaskFacts } from './task-facts';

/** A fraction rounded to 4 places, so the JSON reads the same on every run; null over nothing. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** The counts of a set of tasks: cancelled tasks count only as cancelled. */
export function countTasks(facts: readonly TaskFacts[]): TaskCounts {
  const live = facts.filter((fact) => !fact.cancelled);
  const count = (test: (fact: TaskFacts) => boolean) => live.filter(test).length;
  const completed = count((fact) => fact.completed);
  const completedOnTime = count((fact) => fact.completedOnTime);
  const due = count((fact) => fact.due);
  return {
    tasks: live.length,
    acknowledged: count((fact) => fact.acknowledged),
    completed,
    completedOnTime,
    overdue: count((fact) => fact.overdue),
    lateAcknowledgements: count((fact) => fact.lateAcknowledgement),
    missingReports: count((fact) => fact.missingReport),
    cancelled: facts.length - live.length,
    completionRate: rate(completed, live.length),
    onTimeRate: rate(completedOnTime, completed),
    due,
    dueCompletionRate: rate(completed, due),
  };
}

export type UnrankedUnit = Omit<UnitFigures, 'rank' | 'rankedInGroup' | 'fewDueTasks'>;

/** Higher rate on work come due first, then higher on-time rate, then fewer overdue tasks. */
function compareUnits(a: UnrankedUnit, b: UnrankedUnit): number {
  return (
    (b.dueCompletionRate ?? -1) - (a.dueCompletionRate ?? -1) ||
    (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
    a.overdue - b.overdue
  );
}

/**
 * Units group by group (RANKING_GROUPS' order), each group's ranked units first in rank order, then
 * those it lists without rank: a group listed without rank, or nothing come due yet (暂无到期任务).
 * Equal figures share a rank and the next rank skips (1, 1, 3).
 */
export function rankUnits(units: readonly UnrankedUnit[], minDueTasks: number): UnitFigures[] {
  return RANKING_GROUPS.flatMap((group) => {
    const members = units.filter((unit) => unit.rankingGroup === group);
    const rankable = group !== 'unranked' ? members.filter((unit) => unit.due > 0) : [];
    const ranked = [...rankable].sort((a, b) => compareUnits(a, b) || a.unitCode.localeCompare(b.unitCode));
    const unranked = members
      .filter((unit) => !rankable.includes(unit))
      .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
    const mark = (unit: UnrankedUnit, rank: number | null): UnitFigures => ({
      ...unit,
      rank,
      rankedInGroup: ranked.length,
      fewDueTasks: rank !== null && unit.due < minDueTasks,
    });
    return [
      ...ranked.map((unit, index) => {
        let rank = index + 1;
        while (rank > 1 && compareUnits(ranked[rank - 2], unit) === 0) rank -= 1;
        return mark(unit, rank);
      }),
      ...unranked.map((unit) => mark(unit, null)),
    ];
  });
}
