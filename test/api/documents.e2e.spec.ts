import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ACTION_PLAN_2022, MODERN_SERVICES_PLAN_2021, seedBytes } from '../support/seeds';
import { startTestApi, TestApi } from '../support/api';

describe('documents API', () => {
  let api: TestApi;
  let supervisor: string;
  let officer: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.createUser('supervisor', 'sx-government-office', ['supervisor']);
    await api.createUser('sport-officer', 'sx-sport', ['officer']);
    supervisor = await api.login('supervisor');
    officer = await api.login('sport-officer');
  });

  afterAll(() => api.close());

  const upload = (token: string, name: string, content: Buffer) =>
    api.http
      .post('/documents')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', content, { filename: name, contentType: 'text/plain' });

  it('refuses requests without a valid token', async () => {
    const missing = await api.http.get('/documents').expect(401);
    expect(missing.body).toMatchObject({ statusCode: 401, code: 'TOKEN_MISSING' });
    const forged = await api.http
      .get('/documents')
      .set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged')
      .expect(401);
    expect(forged.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses a wrong password with one message for every failure', async () => {
    const wrong = await api.http
      .post('/auth/login')
      .send({ username: 'supervisor', password: 'not-the-password-1' })
      .expect(401);
    const unknown = await api.http
      .post('/auth/login')
      .send({ username: 'nobody', password: 'not-the-password-1' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('lets only supervisors import', async () => {
    const response = await upload(officer, ACTION_PLAN_2022, seedBytes(ACTION_PLAN_2022)).expect(403);
    expect(response.body).toMatchObject({ code: 'ROLE_REQUIRED' });
  });

  it('imports a document (201), then says it is unchanged (200)', async () => {
    const created = await upload(supervisor, ACTION_PLAN_2022, seedBytes(ACTION_PLAN_2022)).expect(201);
    expect(created.body).toMatchObject({
      status: 'created',
      docNumber: '晋政办发〔2022〕45号',
      measures: { total: 46 },
    });
    const again = await upload(supervisor, ACTION_PLAN_2022, seedBytes(ACTION_PLAN_2022)).expect(200);
    expect(again.body).toMatchObject({ status: 'unchanged', revision: 1 });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'EMPTY_DOCUMENT'],
    ['a binary file', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x00, 0x13, 0x37, 0x00]), 'BINARY_CONTENT'],
    ['text with no measures', Buffer.from('通知\n\n请认真落实。\n'), 'NO_MEASURES'],
  ])('answers 400 naming the cause for %s', async (_label, content, code) => {
    const response = await upload(supervisor, 'bad.txt', content).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code });
    expect(typeof response.body.message).toBe('string');
  });

  it('answers 400 when no file is attached, 413 for a file over 20 MiB, and 400 for text over 2 MB', async () => {
    const missing = await api.http
      .post('/documents')
      .set('Authorization', `Bearer ${supervisor}`)
      .field('note', 'x')
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'FILE_MISSING', field: 'file' });
    await upload(supervisor, 'big.pdf', Buffer.alloc(21 * 1024 * 1024, 'a')).expect(413);
    const longText = await upload(supervisor, 'big.txt', Buffer.alloc(3 * 1024 * 1024, 'a')).expect(400);
    expect(longText.body).toMatchObject({ code: 'DOCUMENT_TOO_LARGE' });
  });

  it('lists documents and their measures with units, targets and diagnostics', async () => {
    const list = await api.http.get('/documents').set('Authorization', `Bearer ${officer}`).expect(200);
    expect(list.body).toHaveLength(1);
    const document = await api.http
      .get(`/documents/${encodeURIComponent('晋政办发〔2022〕45号')}`)
      .set('Authorization', `Bearer ${officer}`)
      .expect(200);
    expect(document.body).toMatchObject({
      title: '山西省生活性服务业发展行动方案',
      issuedOn: '2022-06-02',
      measureCount: 46,
    });
    // The plan names 各相关部门 three times (read in the seed: lines 884, 895 and 923): each waits for the supervisor.
    expect(
      document.body.diagnostics.map((diagnostic: { code: string; line: number; measurePath: string }) => [
        diagnostic.code,
        diagnostic.line,
        diagnostic.measurePath,
      ]),
    ).toEqual([
      ['PLACEHOLDER_UNIT', 884, '五.(一)'],
      ['PLACEHOLDER_UNIT', 895, '五.(二)'],
      ['PLACEHOLDER_UNIT', 923, '五.(四)'],
    ]);

    const measures = await api.http
      .get(`/documents/${document.body.id}/measures`)
      .set('Authorization', `Bearer ${officer}`)
      .expect(200);
    expect(measures.body).toHaveLength(46);
    expect(measures.body[0].targets.length).toBeGreaterThan(0);
    const waiting = await api.http
      .get(`/documents/${document.body.id}/measures?needsAssignment=true`)
      .set('Authorization', `Bearer ${officer}`)
      .expect(200);
    expect(waiting.body.map((measure: { title: string }) => measure.title)).toContain('完善体制机制');
    expect(
      waiting.body.every((measure: { units: { needsAssignment: boolean } }) => measure.units.needsAssignment),
    ).toBe(true);
  });

  it('answers 404 for an unknown document and 400 for a malformed measure id', async () => {
    const missing = await api.http
      .get('/documents/晋政发〔1999〕1号')
      .set('Authorization', `Bearer ${officer}`)
      .expect(404);
    expect(missing.body.code).toBe('DOCUMENT_NOT_FOUND');
    const malformed = await api.http.get('/measures/not-a-uuid').set('Authorization', `Bearer ${officer}`).expect(400);
    expect(malformed.body).toMatchObject({ code: 'INVALID_ID', field: 'id' });
  });

  describe('assigning units to a measure of the 2021 plan', () => {
    let measureId: string;

    beforeAll(async () => {
      const created = await upload(supervisor, MODERN_SERVICES_PLAN_2021, seedBytes(MODERN_SERVICES_PLAN_2021)).expect(
        201,
      );
      const measures = await api.http
        .get(`/documents/${created.body.documentId}/measures`)
        .set('Authorization', `Bearer ${supervisor}`)
        .expect(200);
      measureId = measures.body.find((measure: { title: string }) => measure.title === '大力发展体育赛事').id;
    });

    it('suggests the sport bureau, explained by the 2022 measure it came from', async () => {
      const response = await api.http
        .get(`/measures/${measureId}/suggestions`)
        .set('Authorization', `Bearer ${supervisor}`)
        .expect(200);
      const [top] = response.body.suggestions;
      expect(top).toMatchObject({ unitCode: 'sx-sport', fullName: '山西省体育局' });
      expect(top.evidence[0]).toMatchObject({ documentLabel: '晋政办发〔2022〕45号', title: '大力发展体育赛事' });
    });

    it('validates an assignment and names the field at fault', async () => {
      const unknownUnit = await api.http
        .put(`/measures/${measureId}/units`)
        .set('Authorization', `Bearer ${supervisor}`)
        .send({ leadUnitCode: 'no-such-unit', coUnitCodes: [] })
        .expect(400);
      expect(unknownUnit.body).toMatchObject({ code: 'UNKNOWN_UNIT', field: 'leadUnitCode' });
      const superseded = await api.http
        .put(`/measures/${measureId}/units`)
        .set('Authorization', `Bearer ${supervisor}`)
        .send({ leadUnitCode: 'sx-sport', coUnitCodes: ['cbirc-shanxi'] })
        .expect(400);
      expect(superseded.body).toMatchObject({ code: 'UNIT_SUPERSEDED', field: 'coUnitCodes' });
      const malformed = await api.http
        .put(`/measures/${measureId}/units`)
        .set('Authorization', `Bearer ${supervisor}`)
        .send({ coUnitCodes: [] })
        .expect(400);
      expect(malformed.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'leadUnitCode' });
    });

    it('refuses an assignment by a unit officer', async () => {
      await api.http
        .put(`/measures/${measureId}/units`)
        .set('Authorization', `Bearer ${officer}`)
        .send({ leadUnitCode: 'sx-sport', coUnitCodes: [] })
        .expect(403);
    });

    it('records the accepted suggestion and the measure no longer needs assignment', async () => {
      const response = await api.http
        .post(`/measures/${measureId}/units/accept-suggestion`)
        .set('Authorization', `Bearer ${supervisor}`)
        .expect(201);
      expect(response.body.units).toMatchObject({ needsAssignment: false, assignmentSource: 'supervisor' });
      expect(response.body.units.responsible[0]).toMatchObject({ code: 'sx-sport', role: 'lead' });
      const [history] = await api.app
        .get(DataSource)
        .query('SELECT source, assigned_by FROM measure_assignments WHERE measure_id = $1', [measureId]);
      expect(history).toEqual({ source: 'suggestion', assigned_by: 'supervisor' });
    });
  });

  describe('files as bureaus receive them', () => {
    const corpusFile = (name: string) => readFileSync(join(__dirname, '..', 'corpus', 'documents', name));
    const documentCount = async () =>
      (await api.app.get(DataSource).query('SELECT count(*)::int AS n FROM document_revisions'))[0].n as number;

    it('imports a Word file and records its format', async () => {
      const created = await upload(supervisor, 'sichuan.docx', corpusFile('sichuan-circulation-2022.docx')).expect(201);
      expect(created.body).toMatchObject({ status: 'created', format: 'docx', measures: { total: 2 } });
      const [revision] = await api.app
        .get(DataSource)
        .query('SELECT source_format FROM document_revisions WHERE document_id = $1', [created.body.documentId]);
      expect(revision).toEqual({ source_format: 'docx' });
    });

    it.each([
      [
        'an encrypted PDF',
        'password.pdf',
        readFileSync(join(__dirname, '../../libs/documents/src/reading/__fixtures__/password.pdf')),
        'ENCRYPTED_DOCUMENT',
      ],
      ['an .ofd file', 'notice.ofd', Buffer.from('not a zip'), 'UNSUPPORTED_FORMAT'],
      [
        'a page with a script in its article',
        'page.html',
        Buffer.from(`<html><body><div id="zoom"><p>${'正文。'.repeat(40)}</p><script>x()</script></div></body></html>`),
        'SCRIPT_CONTENT',
      ],
    ])('refuses %s with its cause and stores nothing', async (_what, name, content, code) => {
      const before = await documentCount();
      const refused = await upload(supervisor, name, content).expect(400);
      expect(refused.body).toMatchObject({ statusCode: 400, code });
      expect(await documentCount()).toBe(before);
    });
  });
});
