/**
 * Per due step, in ONE statement (one snapshot): its state, the notices written for it, and the
 * notices its recipients call for (one per distinct unit, computed here from the task, not by the engine).
 * Leadership is the province's government: the root of the unit directory, read from the data.
 */
export const STEP_FACTS_SQL = `
  SELECT s.id, s.state, s.due_at AS "dueAt",
         (SELECT count(*)::int FROM notices n WHERE n.step_id = s.id) AS written,
         (SELECT count(DISTINCT n.unit_code)::int FROM notices n WHERE n.step_id = s.id) AS "writtenUnits",
         (SELECT count(DISTINCT u)::int FROM unnest(s.recipients) r CROSS JOIN LATERAL (SELECT CASE r
              WHEN 'assignee' THEN t.unit_code WHEN 'assigner' THEN t.assigner_unit_code WHEN 'leadership' THEN (SELECT code FROM units WHERE parent_code IS NULL AND kind = 'provincial_government')
              WHEN 'supervisor' THEN (SELECT l.assigner_unit_code FROM tasks l WHERE l.workflow_id = t.workflow_id AND l.kind = 'lead' ORDER BY l.created_at LIMIT 1)
            END AS u) x) AS expected,
         -- A cancelled step is justified only by its task: finished, or changed by an action after the step came due.
         s.state = 'cancelled' AND (t.state IN ('approved', 'cancelled') OR EXISTS (
           SELECT 1 FROM task_events e WHERE e.task_id = s.task_id AND e.occurred_at >= s.due_at)) AS "cancelledJustly"
  FROM scheduled_steps s JOIN tasks t ON t.id = s.task_id
  WHERE s.id = ANY($1)`;

export interface StepFacts {
  id: string;
  state: string;
  dueAt: Date;
  written: number;
  writtenUnits: number;
  expected: number;
  cancelledJustly: boolean;
}

/** A step is delivered with all its notices, or pending with none: never half. */
export function halfDone(facts: StepFacts[]): StepFacts[] {
  return facts.filter(
    (step) =>
      !(
        (step.state === 'delivered' && step.written === step.expected) ||
        (step.state === 'pending' && step.written === 0)
      ),
  );
}
