import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { strFromU8, unzipSync } from 'fflate';
import { repositoryRoot } from '@app/common';
import { decodeDocument, extractPdfItems, parseDocument, readDocument } from '@app/documents';
import { loadSeedUnitDirectory } from '@app/units';
import { BenchResult, median, result, Scale, timed } from './bench-result';
import { CORPUS_DIR, scoreCorpus } from './corpus-score';

const FIXTURES = join(repositoryRoot(), 'bench', 'fixtures');
const PAGES = 57;

/**
 * The corpus of other governments' documents scored against what a person found in them, and the time
 * to read and parse a document of each format (a 57-page Word file and its PDF; a web page, a .doc and
 * text from the corpus), each beside the raw work of its reader's library alone.
 */
export async function documentsBenchmarks(scale: Scale): Promise<BenchResult[]> {
  const runs = scale === 'full' ? 20 : 3;
  const resolver = loadSeedUnitDirectory();
  const parse = async (bytes: Buffer, name: string) =>
    parseDocument(await readDocument(bytes, name), { resolver, asOf: '2026-11-22' });
  const scores = await scoreCorpus();
  const passed = scores.reduce((sum, score) => sum + score.passed, 0);
  const checks = scores.reduce((sum, score) => sum + score.checks, 0);
  const figures: BenchResult[] = [
    result(
      'documents.corpus_score',
      `corpus score (${scores.length} documents, ${checks} checks)`,
      (100 * passed) / checks,
      '%',
    ),
  ];
  const cases: [string, string, string, (bytes: Buffer) => unknown, string][] = [
    [
      'docx',
      join(FIXTURES, 'fifty-pages.docx'),
      `read and parse a ${PAGES}-page Word file`,
      unzipXml,
      'unzip and parse its XML',
    ],
    [
      'pdf',
      join(FIXTURES, 'fifty-pages.pdf'),
      `read and parse a ${PAGES}-page PDF`,
      extractPdfItems,
      'pdf.js text of every page (in its worker)',
    ],
    [
      'html',
      corpusFile('lishan-tasks-2023.html'),
      'read and parse a web page',
      (bytes) => load(bytes.toString('utf8')),
      'cheerio load',
    ],
    [
      'doc',
      corpusFile('dongguan-employment-2021.doc'),
      'read and parse a .doc',
      (bytes) => bytes.subarray(0).toString('latin1'),
      'copy the bytes',
    ],
    [
      'txt',
      corpusFile('xining-circulation-2017.txt'),
      'read and parse GBK text',
      (bytes) => decodeDocument(bytes).text.split('\n'),
      'decode and split into lines',
    ],
  ];
  for (const [format, file, name, raw, rawName] of cases) {
    const bytes = readFileSync(file);
    const read: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < runs; run++) {
      read.push(await timed(() => parse(bytes, file)));
      baseline.push(await timed(() => raw(bytes)));
    }
    figures.push(
      result(
        `documents.parse_${format}_ms`,
        `${name} (median of ${runs})`,
        median(read),
        'ms',
        median(baseline),
        rawName,
      ),
    );
  }
  return figures;
}

function corpusFile(name: string): string {
  return join(CORPUS_DIR, 'documents', name);
}

function unzipXml(bytes: Buffer): unknown {
  const files = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' });
  return load(strFromU8(files['word/document.xml']!), { xml: true });
}
