import { DataSource } from 'typeorm';
import { DomainError } from '@app/common';
import { DocumentImporter, DocumentQueries } from '@app/documents';
import { ACTION_PLAN_2022, MODERN_SERVICES_PLAN_2021, seedBytes, seedText } from '../support/seeds';
import { startTestServices, TestServices } from '../support/services';

describe('importing documents into PostgreSQL', () => {
  let services: TestServices;
  let importer: DocumentImporter;
  let queries: DocumentQueries;
  let dataSource: DataSource;

  beforeAll(async () => {
    services = await startTestServices();
    importer = services.context.get(DocumentImporter);
    queries = services.context.get(DocumentQueries);
    dataSource = services.context.get(DataSource);
  });

  afterAll(() => services.close());

  async function rowCounts(): Promise<Record<string, number>> {
    const [row] = await dataSource.query(`SELECT
      (SELECT count(*)::int FROM documents) AS documents,
      (SELECT count(*)::int FROM document_revisions) AS revisions,
      (SELECT count(*)::int FROM measures) AS measures,
      (SELECT count(*)::int FROM measure_units) AS "measureUnits"`);
    return row;
  }

  it('imports the 2022 action plan with its measures and responsible units', async () => {
    const outcome = await importer.import({
      content: seedBytes(ACTION_PLAN_2022),
      fileName: ACTION_PLAN_2022,
      importedBy: 'tester',
    });
    expect(outcome).toMatchObject({ status: 'created', docNumber: '晋政办发〔2022〕45号', revision: 1 });
    expect(outcome.measures.total).toBe(46);
    expect(outcome.changes.added).toHaveLength(46);

    const measures = await queries.listMeasures(outcome.documentId);
    const first = measures[0];
    expect(first.title).toBe('实施A级旅游景区倍增计划');
    expect(first.units.responsible.map((unit) => [unit.code, unit.role])).toEqual([
      ['sx-culture-tourism', 'lead'],
      ['sx-forestry-grassland', 'co'],
    ]);
    const funding = measures.find((measure) => measure.title === '强化投入保障')!;
    expect(funding.units.responsible.filter((unit) => unit.role === 'co')).toHaveLength(11);
    const mechanism = measures.find((measure) => measure.title === '完善体制机制')!;
    expect(mechanism.units.needsAssignment).toBe(true);
    expect(mechanism.units.responsible).toEqual([]);
  });

  it('resolves names of reorganised units to their successors and keeps the old name', async () => {
    const document = await queries.getDocument('晋政办发〔2022〕45号');
    const finance = (await queries.listMeasures(document.id)).find((measure) => measure.title === '加大金融支持')!;
    expect(finance.units.responsible.map((unit) => unit.code)).toEqual(
      expect.arrayContaining(['pboc-shanxi-branch', 'nfra-shanxi']),
    );
    const oldName = finance.units.resolved.find((resolution) => resolution.name === '山西银保监局')!;
    expect(oldName.units[0]).toMatchObject({ code: 'nfra-shanxi', replaces: { code: 'cbirc-shanxi' } });
  });

  it('changes nothing when the same text is imported again', async () => {
    const before = await rowCounts();
    const outcome = await importer.import({ content: seedBytes(ACTION_PLAN_2022) });
    expect(outcome.status).toBe('unchanged');
    expect(outcome.revision).toBe(1);
    expect(outcome.message).toContain('未作任何更改');
    expect(await rowCounts()).toEqual(before);
  });

  it('turns a changed text into a new revision listing measures added, removed and changed', async () => {
    const original = seedText(ACTION_PLAN_2022);
    const changed = original
      .replace('推出３－５部具有全国影响力的旅游演艺精品力作', '推出５－８部具有全国影响力的旅游演艺精品力作')
      .replace(/２．保障设施用地需求[\s\S]*?\(责任单位:省自\n\n然资源厅\)\n/, '');
    expect(changed).not.toBe(original);
    const outcome = await importer.import({ content: Buffer.from(changed, 'utf8') });
    expect(outcome.status).toBe('revised');
    expect(outcome.revision).toBe(2);
    expect(outcome.changes.changed).toContain('二.(一).2');
    // Items keep the numbers the document gives them, so the next item (３．) stays 四.(三).3.
    expect(outcome.changes.removed).toEqual(['四.(三).2']);
    expect(outcome.changes.changed).toEqual(['二.(一).2']);
    expect(outcome.changes.added).toEqual([]);
    expect(outcome.measures.total).toBe(45);

    const again = await importer.import({ content: Buffer.from(original, 'utf8') });
    expect(again).toMatchObject({
      status: 'revised',
      revision: 3,
      changes: { added: ['四.(三).2'], changed: ['二.(一).2'], removed: [] },
    });
    expect(again.measures.total).toBe(46);
  });

  it('refuses a known document number claimed by another title, writing nothing', async () => {
    const before = await rowCounts();
    const impostor = seedText(ACTION_PLAN_2022)
      .replaceAll('山西省生活性服务业发展行动方案', '山西省另一份行动方案')
      .replace('生活性服务业发展\n\n行动方案的通知', '另一份行动方案的通知');
    const failure = await importer.import({ content: Buffer.from(impostor, 'utf8') }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DomainError);
    expect(failure).toMatchObject({ kind: 'invalid', code: 'DOCUMENT_NUMBER_TAKEN' });
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['empty', Buffer.alloc(0), 'EMPTY_DOCUMENT'],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00, 0xff]), 'BINARY_CONTENT'],
    ['text without measures', Buffer.from('关于做好冬季供暖工作的通知\n\n请各单位认真落实。\n', 'utf8'), 'NO_MEASURES'],
    ['oversized', Buffer.alloc(3 * 1024 * 1024, 'a'), 'DOCUMENT_TOO_LARGE'],
  ])('rejects %s input with a clear error and writes nothing', async (_label, content, code) => {
    const before = await rowCounts();
    await expect(importer.import({ content })).rejects.toMatchObject({ kind: 'invalid', code });
    expect(await rowCounts()).toEqual(before);
  });

  it('rolls the whole import back when a write fails midway', async () => {
    await dataSource.query(
      `CREATE FUNCTION fail_revision() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`,
    );
    await dataSource.query(
      `CREATE TRIGGER fail_revision BEFORE INSERT ON document_revisions FOR EACH ROW EXECUTE FUNCTION fail_revision()`,
    );
    const before = await rowCounts();
    try {
      await expect(importer.import({ content: seedBytes(MODERN_SERVICES_PLAN_2021) })).rejects.toThrow(
        'injected failure',
      );
      expect(await rowCounts()).toEqual(before);
    } finally {
      await dataSource.query('DROP TRIGGER fail_revision ON document_revisions; DROP FUNCTION fail_revision()');
    }
  });

  it('imports the 2021 plan as measures waiting for units, due at the end of the plan period', async () => {
    const outcome = await importer.import({ content: seedBytes(MODERN_SERVICES_PLAN_2021) });
    expect(outcome).toMatchObject({
      status: 'created',
      docNumber: '晋政发〔2021〕21号',
      measures: { total: 79, needingAssignment: 79 },
    });
    const measures = await queries.listMeasures(outcome.documentId, { needsAssignment: true });
    expect(measures).toHaveLength(79);
    expect(new Set(measures.map((measure) => measure.deadline.date))).toEqual(new Set(['2025-12-31']));
  });
});
