export { renderCompletionChart } from './completion-chart';
export { DOCX_OVERDUE_LIMIT, TITLE_CHARACTERS_PER_LINE, renderDocx } from './docx-report';
export * from './bulletin-text';
export { renderJson } from './json-report';
export { renderXlsx } from './xlsx-report';
