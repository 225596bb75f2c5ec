import { ReportFigures } from '../figures/report-figures';

/** The figures as pretty-printed UTF-8 JSON, ending with a newline as text files should. */
export function renderJson(figures: ReportFigures): Buffer {
  return Buffer.from(`${JSON.stringify(figures, null, 2)}\n`, 'utf8');
}
