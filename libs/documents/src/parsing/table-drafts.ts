import type { DiagnosticLog } from './diagnostics';
import { matchHeading } from './headings';
import type { DraftMeasure, DraftPlace } from './measure-drafts';
import { shortTitle } from './measure-drafts';
import { cellOf, mergeContinuationRows, TableRow } from './task-table';
import { buildLinedText } from './text-join';

/** One measure per task-table row; the 序号 cell numbers it within its section. */
export function tableDrafts(rows: readonly TableRow[], place: DraftPlace, log: DiagnosticLog): DraftMeasure[] {
  const drafts: DraftMeasure[] = [];
  const merged = mergeContinuationRows(rows);
  const taskRows = new Map<string, number>();
  for (const row of merged) taskRows.set(cellOf(row, 'task'), (taskRows.get(cellOf(row, 'task')) ?? 0) + 1);
  merged.forEach((row, index) => {
    const task = cellOf(row, 'task');
    const content = cellOf(row, 'content');
    if (task === '' && content === '') {
      log.add('warning', 'TABLE_ROW_WITHOUT_TASK', '任务分工表中有一行没有任务内容，已跳过。', row.line, null);
      return;
    }
    const pieces = [task, content].filter((text) => text !== '').map((text) => [{ text, line: row.line }]);
    drafts.push({
      path: rowPath(place.path, cellOf(row, 'seq'), index),
      sectionTitles: place.sectionTitles,
      // A task cell merged over several rows is their common heading: each row's own words are its content.
      title: shortTitle(withoutNumbering(task !== '' && (taskRows.get(task) === 1 || content === '') ? task : content)),
      line: row.line,
      body: buildLinedText(pieces),
      cells: {
        hasLeadColumn: row.header.columns.has('lead'),
        lead: cellOf(row, 'lead'),
        co: cellOf(row, 'co'),
        responsible: cellOf(row, 'responsible'),
        completion: cellOf(row, 'deadline'),
      },
    });
  });
  return drafts;
}

function rowPath(base: string, seq: string, index: number): string {
  const number = /^(\d{1,4})[.、]?$/u.exec(seq)?.[1];
  if (number === undefined) return `${base}#${index + 1}`;
  return base === '' ? number : `${base}.${number}`;
}

/** `(1)全面准确依法编制…` → `全面准确依法编制…`. */
function withoutNumbering(text: string): string {
  return matchHeading(text)?.rest ?? text;
}
