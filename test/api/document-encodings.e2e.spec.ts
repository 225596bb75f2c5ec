import * as iconv from 'iconv-lite';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../support/api';
import { ACTION_PLAN_2022, seedText } from '../support/seeds';

/** GBK and GB18030 text files as bureaus save them, through POST /documents and the importer. */
describe('documents in GBK and GB18030', () => {
  let api: TestApi;
  let supervisor: string;

  const upload = (bytes: Buffer) =>
    api.http
      .post('/documents')
      .set('Authorization', `Bearer ${supervisor}`)
      .attach('file', bytes, 'shanxi-consumer-services-action-plan-2022.txt');
  const revisions = (): Promise<{ revision: number; encoding: string }[]> =>
    api.app.get(DataSource).query(`SELECT revision, encoding FROM document_revisions ORDER BY revision`);

  // The seed came from a PDF and holds two characters GBK lacks (« »): what a GBK file of it holds is this.
  const gbkText = () => iconv.decode(iconv.encode(seedText(ACTION_PLAN_2022), 'gbk'), 'gbk');

  beforeAll(async () => {
    api = await startTestApi(new Date('2026-11-23T02:00:00Z'));
    ({ supervisor } = await api.createUsers([['supervisor', 'sx-supervision-office', 'supervisor']]));
  });

  afterAll(() => api.close());

  it('imports the 2022 plan saved as GBK with every measure and unit, and records the encoding', async () => {
    const created = await upload(iconv.encode(gbkText(), 'gbk')).expect(201);
    expect(created.body).toMatchObject({
      status: 'created',
      docNumber: '晋政办发〔2022〕45号',
      title: '山西省生活性服务业发展行动方案',
      measures: { total: 46, needingAssignment: 3 },
    });
    const measures = await api.http
      .get(`/documents/${created.body.documentId}/measures`)
      .set('Authorization', `Bearer ${supervisor}`)
      .expect(200);
    const first = measures.body.find((measure: { path: string }) => measure.path === '二.(一).1');
    expect(first.units).toMatchObject({ raw: '省文旅厅、省林草局' });
    expect(await revisions()).toEqual([{ revision: 1, encoding: 'gbk' }]);
  });

  it('finds the same text in UTF-8 unchanged, whatever the bytes were', async () => {
    const same = await upload(Buffer.from(gbkText(), 'utf8')).expect(200);
    expect(same.body).toMatchObject({ status: 'unchanged', revision: 1 });
  });

  it('reads GB18030 characters that GBK lacks, as a revision of the measure they are in', async () => {
    // 𠀀 (U+20000) exists only in GB18030, as four bytes.
    const text = gbkText().replace('打造５０个省级旅游度假区', '打造５０个省级旅游度假区𠀀');
    const bytes = iconv.encode(text, 'gb18030');
    expect(bytes.includes(Buffer.from(iconv.encode('𠀀', 'gb18030')))).toBe(true);
    const revised = await upload(bytes).expect(201);
    expect(revised.body).toMatchObject({ status: 'revised', revision: 2, changes: { added: [], removed: [] } });
    expect(revised.body.changes.changed).toHaveLength(1);
    const [measure] = await api.app
      .get(DataSource)
      .query(`SELECT text FROM measures WHERE path = $1`, [revised.body.changes.changed[0]]);
    expect(measure.text).toContain('旅游度假区𠀀');
  });
});
