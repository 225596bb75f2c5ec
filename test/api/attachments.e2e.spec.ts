import { mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { type Role, UserService } from '@app/access';
import { AppConfig, Clock, loadConfig, ManualClock } from '@app/common';
import { DocumentImporter } from '@app/documents';
import { readUnitDirectoryData, UnitDirectoryStore } from '@app/units';
import { AttachmentStore } from '@app/workflow';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { docx, ELF, EXE, noise, PDF } from '@app/testing';
import { TEST_PASSWORD } from '../support/api';
import { ACTION_PLAN_2022, seedBytes } from '../support/seeds';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const MAX_BYTES = 1024 * 1024;
const NOW = new Date('2026-11-23T02:00:00Z');
const clock = new ManualClock(NOW);

/** Evidence on a task through the real API: as startTestApi, plus a throw-away ATTACHMENTS_DIR and a 1 MiB limit. */
describe('attachments API', () => {
  let app: NestExpressApplication;
  let database: TestDatabase;
  let folder: string;
  const tokens: Record<string, string> = {};
  let leadTaskId: string;
  let coTaskId: string;

  const http = () => request(app.getHttpServer());
  const as = (user: string) => {
    const form = (url: string) => http().post(url).set('Authorization', `Bearer ${tokens[user]}`);
    return {
      form,
      get: (url: string) => http().get(url).set('Authorization', `Bearer ${tokens[user]}`),
      download: (url: string) => http().get(url).set('Authorization', `Bearer ${tokens[user]}`).responseType('blob'),
      post: (url: string, body: object = {}) => form(url).send(body),
      upload: (
        url: string,
        content: Buffer,
        fileName: string,
        fields: Record<string, string> = {},
        contentType = 'application/pdf',
      ) =>
        Object.entries(fields)
          .reduce((post, [name, value]) => post.field(name, value), form(url))
          .attach('file', content, { filename: fileName, contentType }),
    };
  };
  const filesOnDisk = () =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();

  beforeAll(async () => {
    database = await createTestDatabase();
    folder = mkdtempSync(join(tmpdir(), 'attachments-e2e-'));
    const config = loadConfig({
      DATABASE_URL: database.url,
      QUEUE_PREFIX: database.queuePrefix,
      NODE_ENV: 'test',
      JWT_SECRET: 'a-test-only-secret-of-at-least-32-characters',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      ATTACHMENTS_DIR: folder,
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
    });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    configureApp(app);
    await app.init();
    await app.get(UnitDirectoryStore).upsert(readUnitDirectoryData());
    const users: [string, string, Role][] = [
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['culture-officer', 'sx-culture-tourism', 'officer'],
      ['culture-leader', 'sx-culture-tourism', 'leader'],
      ['forestry-officer', 'sx-forestry-grassland', 'officer'],
      ['forestry-leader', 'sx-forestry-grassland', 'leader'],
      ['sport-officer', 'sx-sport', 'officer'],
    ];
    for (const [username, unitCode, role] of users) {
      await app.get(UserService).create({ username, unitCode, roles: [role], password: TEST_PASSWORD });
      tokens[username] = (
        await http().post('/auth/login').send({ username, password: TEST_PASSWORD }).expect(200)
      ).body.accessToken;
    }
    const { documentId } = await app.get(DocumentImporter).import({ content: seedBytes(ACTION_PLAN_2022) });
    const measure = (await as('supervisor').get(`/documents/${documentId}/measures`).expect(200)).body.find(
      (item: { path: string }) => item.path === '二.(一).1',
    );
    await as('supervisor')
      .post(`/documents/${documentId}/launch`, { measureIds: [measure.id], defaultDeadline: '2027-06-30' })
      .expect(201);
    leadTaskId = (await as('culture-officer').get('/tasks').expect(200)).body.items[0].id;
    coTaskId = (await as('forestry-officer').get('/tasks').expect(200)).body.items[0].id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const pdfName = '森林康养基地建设情况 (终稿).pdf';

  it('takes a PDF and a docx from the holding unit, lists them, and gives them back byte for byte', async () => {
    const pdf = await as('culture-officer')
      .upload(`/tasks/${leadTaskId}/attachments`, PDF, pdfName, { purpose: 'submission' })
      .expect(201);
    expect(pdf.body).toMatchObject({
      taskId: leadTaskId,
      purpose: 'submission',
      fileName: pdfName,
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      uploadedBy: 'culture-officer',
      uploadedAt: NOW.toISOString(),
    });
    expect(pdf.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    clock.advance(60_000);
    const word = await as('culture-leader')
      .upload(`/tasks/${leadTaskId}/attachments`, docx(), '进展报告.docx', {}, 'application/octet-stream')
      .expect(201);
    expect(word.body).toMatchObject({
      purpose: 'evidence',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(filesOnDisk()).toEqual([pdf.body.sha256, word.body.sha256].sort());
    const listed = await as('supervisor').get(`/tasks/${leadTaskId}/attachments`).expect(200);
    expect(listed.body.map((item: { id: string }) => item.id)).toEqual([pdf.body.id, word.body.id]);
    const download = await as('supervisor').download(`/tasks/${leadTaskId}/attachments/${pdf.body.id}`).expect(200);
    expect(Buffer.compare(download.body, PDF)).toBe(0);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="__________ (__).pdf"; filename*=UTF-8''%E6%A3%AE%E6%9E%97%E5%BA%B7%E5%85%BB%E5%9F%BA%E5%9C%B0%E5%BB%BA%E8%AE%BE%E6%83%85%E5%86%B5%20%28%E7%BB%88%E7%A8%BF%29.pdf`,
    });
    const wordBack = await as('culture-officer')
      .download(`/tasks/${leadTaskId}/attachments/${word.body.id}`)
      .expect(200);
    expect(Buffer.compare(wordBack.body, docx())).toBe(0);
    const task = await as('supervisor').get(`/tasks/${leadTaskId}`).expect(200);
    const attached = task.body.history.filter((event: { action: string }) => event.action === 'attach');
    expect(attached.map((event: { payload: { sha256: string } }) => event.payload.sha256)).toEqual([
      pdf.body.sha256,
      word.body.sha256,
    ]);
  });

  it('stores the same content once, and lets the lead unit read what a co-responsible unit attached', async () => {
    const before = filesOnDisk();
    const again = await as('forestry-officer')
      .upload(`/tasks/${coTaskId}/attachments`, PDF, '林草局佐证.pdf', { purpose: 'progress' })
      .expect(201);
    expect(filesOnDisk()).toEqual(before);
    const download = await as('culture-leader').download(`/tasks/${coTaskId}/attachments/${again.body.id}`).expect(200);
    expect(Buffer.compare(download.body, PDF)).toBe(0);
  });

  it('judges by content: a text file named .pdf is stored as text and downloads as .txt', async () => {
    const text = Buffer.from('森林康养基地：已建成 12 个，正在推进 38 个。\n');
    const uploaded = await as('culture-officer')
      .upload(`/tasks/${leadTaskId}/attachments`, text, '情况说明.pdf')
      .expect(201);
    expect(uploaded.body.contentType).toBe('text/plain');
    const download = await as('culture-officer')
      .download(`/tasks/${leadTaskId}/attachments/${uploaded.body.id}`)
      .expect(200);
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('情况说明.pdf.txt')}`,
    );
    expect(Buffer.compare(download.body, text)).toBe(0);
  });

  it.each([
    ['a Windows executable', EXE, 'exe', 'Windows 可执行程序'],
    ['a Linux executable', ELF, 'elf', 'ELF'],
    ['random bytes', noise(4096), 'binary', '二进制'],
  ])('refuses %s with 400 naming what it looked like, storing nothing', async (_name, content, detected, label) => {
    const before = filesOnDisk();
    const response = await as('culture-officer')
      .upload(`/tasks/${leadTaskId}/attachments`, content, '进展报告.pdf')
      .expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'UNSUPPORTED_FILE_TYPE',
      field: 'file',
      details: { detected },
    });
    expect(response.body.message).toContain(label);
    expect(filesOnDisk()).toEqual(before);
  });

  it('refuses a file over the limit, stating the limit', async () => {
    const response = await as('culture-officer')
      .upload(`/tasks/${leadTaskId}/attachments`, Buffer.alloc(MAX_BYTES + 1, 'a'), '大文件.txt')
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      field: 'file',
      details: { maxBytes: MAX_BYTES },
    });
    expect(response.body.message).toContain('1 MiB');
    await as('culture-officer')
      .upload(`/tasks/${leadTaskId}/attachments`, Buffer.alloc(MAX_BYTES, 'a'), '刚好.txt')
      .expect(201);
  });

  it('hides everything from an unrelated unit, and lets only the holding unit upload', async () => {
    const [attachment] = (await as('culture-officer').get(`/tasks/${leadTaskId}/attachments`).expect(200)).body;
    for (const response of [
      await as('sport-officer').get(`/tasks/${leadTaskId}/attachments`),
      await as('sport-officer').upload(`/tasks/${leadTaskId}/attachments`, PDF, 'x.pdf'),
      await as('sport-officer').get(`/tasks/${leadTaskId}/attachments/${attachment.id}`),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('TASK_NOT_FOUND');
    }
    for (const [user, taskId] of [
      ['supervisor', leadTaskId],
      ['culture-officer', coTaskId],
    ]) {
      expect((await as(user).upload(`/tasks/${taskId}/attachments`, PDF, 'x.pdf').expect(403)).body.code).toBe(
        'ATTACHMENT_NOT_PERMITTED',
      );
    }
    const elsewhere = await as('culture-officer').get(`/tasks/${coTaskId}/attachments/${attachment.id}`).expect(404);
    expect(elsewhere.body.code).toBe('ATTACHMENT_NOT_FOUND');
  });

  it('validates the request in the one error shape', async () => {
    const purpose = await as('culture-officer')
      .upload(`/tasks/${leadTaskId}/attachments`, PDF, 'x.pdf', { purpose: 'gift' })
      .expect(400);
    expect(purpose.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'purpose' });
    const missing = await as('culture-officer')
      .form(`/tasks/${leadTaskId}/attachments`)
      .field('purpose', 'evidence')
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'FILE_MISSING', field: 'file' });
    expect(
      (await as('culture-officer').form(`/tasks/${leadTaskId}/attachments`).attach('upload', PDF, 'x.pdf').expect(400))
        .body.code,
    ).toBe('INVALID_UPLOAD');
    expect((await as('culture-officer').get('/tasks/not-a-uuid/attachments').expect(400)).body).toMatchObject({
      code: 'INVALID_ID',
      field: 'id',
    });
    await http().get(`/tasks/${leadTaskId}/attachments`).expect(401);
  });

  it('refuses uploads to an approved task with 409 and its state, and still lists its evidence', async () => {
    for (const [user, action] of [
      ['forestry-officer', 'acknowledge'],
      ['forestry-officer', 'start'],
      ['forestry-leader', 'submit'],
      ['culture-leader', 'approve'],
    ]) {
      await as(user).post(`/tasks/${coTaskId}/actions/${action}`).expect(200);
    }
    const response = await as('forestry-officer').upload(`/tasks/${coTaskId}/attachments`, PDF, '补充.pdf').expect(409);
    expect(response.body).toMatchObject({ code: 'TASK_FINISHED', details: { currentState: 'approved' } });
    expect(response.body.message).toContain('已审核通过');
    expect((await as('forestry-officer').get(`/tasks/${coTaskId}/attachments`).expect(200)).body).toHaveLength(1);
  });

  it('refuses to hand out a file changed or lost on disk', async () => {
    const content = docx('第三季度佐证材料');
    const uploaded = await as('culture-officer')
      .upload(`/tasks/${leadTaskId}/attachments`, content, '佐证.docx')
      .expect(201);
    const path = app.get(AttachmentStore).pathOf(uploaded.body.sha256);
    writeFileSync(path, Buffer.concat([content, Buffer.from('x')]));
    const corrupted = await as('supervisor').get(`/tasks/${leadTaskId}/attachments/${uploaded.body.id}`).expect(409);
    expect(corrupted.body).toMatchObject({ code: 'ATTACHMENT_CORRUPTED', details: { attachmentId: uploaded.body.id } });
    expect(corrupted.body.message).toContain('校验和不符');
    unlinkSync(path);
    expect(
      (await as('supervisor').get(`/tasks/${leadTaskId}/attachments/${uploaded.body.id}`).expect(409)).body.code,
    ).toBe('ATTACHMENT_FILE_MISSING');
  });
});
