import { DocumentScore, scoreCorpus } from '../../bench/corpus-score';

/**
 * Real documents of other provinces and cities, in the formats bureaus receive them (test/corpus/README.md):
 * each is read and parsed, and compared with what a person found reading it. Every document must score 100 %.
 */
describe('the corpus of other governments’ documents', () => {
  let scores: DocumentScore[];

  beforeAll(async () => {
    scores = await scoreCorpus();
    const table = scores.map(
      ({ id, format, passed, checks, score }) =>
        `${id} (${format}): ${passed}/${checks} = ${(score * 100).toFixed(0)} %`,
    );
    process.stdout.write(`corpus scores\n  ${table.join('\n  ')}\n`);
  });

  it('holds at least 10 documents in Word, PDF, web page and text form', () => {
    expect(scores.length).toBeGreaterThanOrEqual(10);
    expect(new Set(scores.map((score) => score.format))).toEqual(new Set(['docx', 'doc', 'pdf', 'html', 'txt']));
  });

  it('reads every document as a person did', () => {
    expect(scores.filter((score) => score.failures.length > 0).map(({ id, failures }) => ({ id, failures }))).toEqual(
      [],
    );
  });
});
