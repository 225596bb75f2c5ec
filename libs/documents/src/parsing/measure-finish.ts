import { deadlineFromTerm, deadlineFromText, findCompletionTerm } from './deadlines';
import type { DraftMeasure } from './measure-drafts';
import type { MeasureDeadline, ParsedMeasure } from './parse-result.types';
import type { PlanPeriod } from './plan-period';
import { findResponsibility, ResponsibilityClause, responsibilityFromCells } from './responsibility';
import { extractTargets } from './targets';
import { resolveUnits, UnitContext } from './unit-resolution';

export interface MeasureDraftContext extends UnitContext {
  planPeriod: PlanPeriod | null;
}

/** Reads a draft's units, deadline and targets. */
export function finishMeasure(draft: DraftMeasure, context: MeasureDraftContext): ParsedMeasure {
  const text = draft.body.text;
  const clause = draft.cells === null ? findResponsibility(text) : fromCells(draft);
  const clauseLine = clause === null || draft.cells !== null ? draft.line : draft.body.lineAt(clause.start);
  const units = resolveUnits(clause, { path: draft.path, line: clauseLine }, context);
  const withoutClause = clause === null || draft.cells !== null ? text : text.slice(0, clause.start) + text.slice(clause.end);
  return {
    path: draft.path,
    sectionTitles: draft.sectionTitles,
    title: draft.title,
    text,
    line: draft.line,
    units,
    deadline: findDeadline(draft, text, withoutClause, context),
    targets: extractTargets(withoutClause),
  };
}

function fromCells(draft: DraftMeasure): ResponsibilityClause | null {
  const cells = draft.cells!;
  return responsibilityFromCells(cells.lead, cells.co, cells.responsible);
}

/** The measure's own completion term first, then a deadline in its text, then the plan period's end. */
function findDeadline(draft: DraftMeasure, text: string, prose: string, context: MeasureDraftContext): MeasureDeadline {
  const term = draft.cells !== null ? draft.cells.completion : findCompletionTerm(text);
  if (term) {
    const fromTerm = deadlineFromTerm(term);
    if (fromTerm !== null) return { date: fromTerm.date, source: 'completion_column', text: term };
    const message = `完成时限“${term}”不是具体日期，已按正文或规划期确定期限。`;
    context.log.add('warning', 'UNREADABLE_DEADLINE', message, draft.line, draft.path);
  }
  const fromText = deadlineFromText(prose);
  if (fromText !== null) return { date: fromText.date, source: 'measure_text', text: fromText.text };
  const period = context.planPeriod;
  if (period !== null) return { date: `${period.endYear}-12-31`, source: 'plan_period', text: period.text };
  return { date: null, source: 'none', text: null };
}
