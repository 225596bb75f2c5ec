export { renderCompletionChart } from './completion-chart';
export { DOCX_EXCERPTS_PER_SECTION, DOCX_OVERDUE_LIMIT, renderDocx } from './docx-report';
export { renderJson } from './json-report';
export { renderXlsx } from './xlsx-report';
