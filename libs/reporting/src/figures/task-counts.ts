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
  };
}

type Ranked = Omit<UnitFigures, 'rank'>;

/** Higher rates first (a unit with nothing to rate last), then fewer overdue tasks. */
function compareUnits(a: Ranked, b: Ranked): number {
  return (
    (b.completionRate ?? -1) - (a.completionRate ?? -1) ||
    (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
    a.overdue - b.overdue
  );
}

/** Units in rank order; equal figures share a rank and the next rank skips (1, 1, 3). */
export function rankUnits(units: readonly Ranked[]): UnitFigures[] {
  const sorted = [...units].sort((a, b) => compareUnits(a, b) || a.unitCode.localeCompare(b.unitCode));
  return sorted.map((unit, index) => {
    let rank = index + 1;
    while (rank > 1 && compareUnits(sorted[rank - 2], unit) === 0) rank -= 1;
    return { ...unit, rank };
  });
}
