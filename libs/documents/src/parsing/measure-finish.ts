import { deadlineFromTerm, deadlineFromText, findCompletionTerm, termKind } from './deadlines';
import type { DraftMeasure } from './measure-drafts';
import type { MeasureDeadline, ParsedMeasure, SourceLocation } from './parse-result.types';
import type { PlanPeriod } from './plan-period';
import { findResponsibility, responsibilityFromCells } from './responsibility';
import { extractTargets } from './targets';
import { resolveUnits, UnitContext } from './unit-resolution';

export interface MeasureDraftContext extends UnitContext {
  planPeriod: PlanPeriod | null;
  locate: (line: number | null) => SourceLocation | null;
}

/** Reads a draft's units, deadline and targets. */
export function finishMeasure(draft: DraftMeasure, context: MeasureDraftContext): ParsedMeasure {
  const text = draft.body.text;
  const cells = draft.cells;
  const clause =
    cells === null ? findResponsibility(text) : responsibilityFromCells(cells.lead, cells.co, cells.responsible);
  const leadLeftOut = cells !== null && cells.hasLeadColumn && cells.lead === '' && clause !== null;
  const inText = cells === null && clause !== null;
  const clauseLine = inText ? draft.body.lineAt(clause.start) : draft.line;
  // The clause is cut out before reading dates and targets: it names units, not work.
  const prose = inText ? text.slice(0, clause.start) + text.slice(clause.end) : text;
  return {
    path: draft.path,
    sectionTitles: draft.sectionTitles,
    title: draft.title,
    text,
    line: draft.line,
    units: resolveUnits(clause, { path: draft.path, line: clauseLine, leadLeftOut }, context),
    deadline: findDeadline(draft, text, prose, context),
    targets: extractTargets(prose),
    location: context.locate(draft.line) ?? context.locate(clauseLine)!,
  };
}

/** The measure's own completion term first, then a deadline in its text, then the plan period's end. */
function findDeadline(draft: DraftMeasure, text: string, prose: string, context: MeasureDraftContext): MeasureDeadline {
  const term = draft.cells !== null ? draft.cells.completion : findCompletionTerm(text);
  if (term !== null && term !== '') {
    const fromTerm = deadlineFromTerm(term);
    if (fromTerm !== null) return { date: fromTerm.date, source: 'completion_column', text: term, kind: 'date' };
    const kind = termKind(term);
    if (kind !== null) return ongoingDeadline(term, kind, context.planPeriod);
    const message = `完成时限“${term}”不是具体日期：改按正文中的期限或规划期确定，都没有时由督查室下达时设定。`;
    context.log.add('warning', 'UNREADABLE_DEADLINE', message, draft.line, draft.path);
  }
  const fromText = deadlineFromText(prose);
  if (fromText !== null) return { date: fromText.date, source: 'measure_text', text: fromText.text, kind: 'date' };
  const period = context.planPeriod;
  if (period !== null)
    return { date: `${period.endYear}-12-31`, source: 'plan_period', text: period.text, kind: 'date' };
  return { date: null, source: 'none', text: null, kind: 'none' };
}

/** `长期坚持`, `每季度`: no day of its own; it runs to the plan period's end when there is one. */
function ongoingDeadline(term: string, kind: 'ongoing' | 'recurring', period: PlanPeriod | null): MeasureDeadline {
  if (period === null) return { date: null, source: 'completion_column', text: term, kind };
  return { date: `${period.endYear}-12-31`, source: 'plan_period', text: term, kind };
}
