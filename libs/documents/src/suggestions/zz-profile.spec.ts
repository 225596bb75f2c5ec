import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { toHalfwidth } from '@app/common';
import { characterBigrams } from './bigrams';
import { measureTerms } from './measure-terms';
import { TfIdfIndex } from './tfidf-index';

it('profiles', () => {
  const text = readFileSync(join(__dirname, '../../../../seeds/shanxi-modern-services-plan-2021.txt'), 'utf8');
  const clauses = text.split(/[，。；、\n]+/u).filter((c) => c.trim().length >= 4);
  let state = 42;
  const pick = (): string => { state = (state * 1103515245 + 12345) % 2147483648; return clauses[state % clauses.length]; };
  const docs = Array.from({ length: 3000 }, () => ({ title: pick(), text: Array.from({ length: 25 }, pick).join('，') }));
  const t = (label: string, f: () => unknown) => { const s = performance.now(); const r = f(); console.log(label, (performance.now() - s).toFixed(0)); return r; };
  t('halfwidth', () => docs.map((d) => toHalfwidth(d.text)));
  t('bigrams', () => docs.map((d) => characterBigrams(d.text)));
  const counts = t('counts', () => docs.map((d) => measureTerms(d.title, d.text))) as ReturnType<typeof measureTerms>[];
  t('index', () => new TfIdfIndex(counts));
});
