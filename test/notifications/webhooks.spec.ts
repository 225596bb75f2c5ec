import { createHmac } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { type Role, UserService } from '@app/access';
import { AppConfig, Clock, loadConfig, ManualClock } from '@app/common';
import {
  insertNotices,
  recordWebhookDeliveries,
  webhookJobId,
  WebhookReconciler,
  WebhookSettings,
  WebhookWorkerModule,
} from '@app/notifications';
import { WorkingCalendar } from '@app/calendar';
import { QUEUES, JobQueue, WebhookJobOptions } from '@app/queues';
import { readUnitDirectoryData, UnitDirectoryStore } from '@app/units';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { TEST_PASSWORD } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { WebhookReceiver } from './webhook-receiver';

/** The API and the webhook worker in one process. */
@Module({ imports: [WebhookWorkerModule] })
class WebhookChannelTestModule {}

const SECRET = 'a-webhook-secret-of-at-least-32-characters!';
const FAILING_SECRET = 'another-webhook-secret-of-32-characters-or-more';
const shanghai = (local: string) => new Date(`${local}+08:00`);

interface DeliveryRow {
  state: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  not_before: Date;
  delivered_at: Date | null;
}

describe('the webhook channel on the real queue', () => {
  let app: NestExpressApplication;
  let http: TestAgent;
  let database: TestDatabase;
  let dataSource: DataSource;
  let queue: Queue;
  const clock = new ManualClock(shanghai('2026-11-20T10:00:00'));
  const receiver = new WebhookReceiver();
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await receiver.start();
    database = await createTestDatabase();
    const moduleRef = await Test.createTestingModule({ imports: [AppModule, WebhookChannelTestModule] })
      .overrideProvider(AppConfig)
      .useValue(
        loadConfig({
          DATABASE_URL: database.url,
          QUEUE_PREFIX: database.queuePrefix,
          NODE_ENV: 'test',
          JWT_SECRET: 'a-test-only-secret-of-at-least-32-characters',
          LOG_LEVEL: 'silent',
        }),
      )
      .overrideProvider(Clock)
      .useValue(clock)
      .overrideProvider(WebhookJobOptions)
      .useValue({ attempts: 3, backoff: { type: 'fixed', delay: 20 } })
      .overrideProvider(WebhookSettings)
      .useValue({ timeoutMs: 2000, allowedPorts: [80, 443], allowedHosts: ['127.0.0.1'] })
      .compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    configureApp(app);
    await app.init();
    await app.get(UnitDirectoryStore).upsert(readUnitDirectoryData());
    http = request(app.getHttpServer());
    dataSource = app.get(DataSource);
    queue = app.get<Queue>(getQueueToken(QUEUES.webhooks));
    const users: [string, string, Role[]][] = [
      ['admin', 'sx-supervision-office', ['admin']],
      ['sport-officer', 'sx-sport', ['officer']],
      ['supervisor', 'sx-supervision-office', ['supervisor']],
    ];
    for (const [username, unitCode, roles] of users) {
      await app.get(UserService).create({ username, unitCode, roles, password: TEST_PASSWORD });
      tokens[username] = (
        await http.post('/auth/login').send({ username, password: TEST_PASSWORD }).expect(200)
      ).body.accessToken;
    }
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true });
    await app?.close();
    await database?.drop();
    await receiver.stop();
  });

  /** Writes a notice the way every notice writer does once hooked: record in the transaction, queue after commit. */
  async function writeNotice(unitCode: string, key: string): Promise<string> {
    const now = clock.now();
    const wakeUps = await dataSource.transaction(async (manager) => {
      await insertNotices(
        manager,
        [
          {
            dedupeKey: key,
            unitCode,
            taskId: null,
            kind: 'manual_reminder',
            title: `催办：${key}`,
            body: '请尽快办理。',
            sentBy: 'supervisor',
          },
        ],
        now,
      );
      return (await recordWebhookDeliveries(manager, { dedupeKeys: [key] }, now, app.get(WorkingCalendar))).wakeUps;
    });
    await app.get(JobQueue).wakeAfterCommit(wakeUps);
    const [{ id }] = await dataSource.query('SELECT id FROM notices WHERE dedupe_key = $1', [key]);
    return id;
  }

  const delivery = async (noticeId: string): Promise<DeliveryRow | undefined> =>
    (
      await dataSource.query(
        'SELECT state, attempts, last_status, last_error, not_before, delivered_at FROM notice_deliveries WHERE notice_id = $1',
        [noticeId],
      )
    )[0];

  /** Polls until the notice's job has finished (completed, or failed for good). */
  async function settle(noticeId: string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await queue.getJobState(webhookJobId(noticeId));
      if (state === 'completed' || state === 'failed') return state;
      if (Date.now() > deadline) throw new Error(`webhook job for ${noticeId} still ${state} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  const admin = (method: 'put' | 'get' | 'delete', path: string, user = 'admin') =>
    http[method](path).set('Authorization', `Bearer ${tokens[user]}`);

  it('lets only admins configure a webhook, and never returns its secret', async () => {
    await admin('put', '/admin/units/sx-sport/webhook', 'sport-officer')
      .send({ url: receiver.url('/sport'), secret: SECRET })
      .expect(403);
    await admin('get', '/admin/units/sx-sport/webhook/deliveries', 'supervisor').expect(403);
    const short = await admin('put', '/admin/units/sx-sport/webhook')
      .send({ url: receiver.url('/sport'), secret: 'too-short' })
      .expect(400);
    expect(short.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'secret' });
    await admin('put', '/admin/units/sx-sport/webhook').send({ url: 'ftp://127.0.0.1/x', secret: SECRET }).expect(400);
    await admin('put', '/admin/units/no-such-unit/webhook')
      .send({ url: receiver.url('/x'), secret: SECRET })
      .expect(404);

    const configured = await admin('put', '/admin/units/sx-sport/webhook')
      .send({ url: receiver.url('/sport'), secret: SECRET })
      .expect(200);
    expect(configured.body).toMatchObject({
      unitCode: 'sx-sport',
      url: receiver.url('/sport'),
      enabled: true,
      secretConfigured: true,
    });
    const shown = await admin('get', '/admin/units/sx-sport/webhook').expect(200);
    for (const body of [configured.text, shown.text]) expect(body).not.toContain(SECRET);
    expect((await admin('get', '/admin/units/sx-sport/webhook/deliveries').expect(200)).body).toEqual([]);
  });

  it('writes nothing for a unit without a webhook', async () => {
    const noticeId = await writeNotice('sx-health', 'no-webhook');
    expect(await delivery(noticeId)).toBeUndefined();
  });

  let noticeId: string;

  it('holds a notice written at 20:00 until 08:30 of the next working day', async () => {
    clock.set(shanghai('2026-11-20T20:00:00')); // a Friday evening: the next working moment is Monday morning
    receiver.script('/sport', [500, 500]);
    noticeId = await writeNotice('sx-sport', 'evening-reminder');
    expect((await delivery(noticeId))!).toMatchObject({
      state: 'pending',
      attempts: 0,
      not_before: shanghai('2026-11-23T08:30:00'),
    });
    const job = await queue.getJob(webhookJobId(noticeId));
    expect(await job!.getState()).toBe('delayed');
    expect(job!.delay).toBe(shanghai('2026-11-23T08:30:00').getTime() - shanghai('2026-11-20T20:00:00').getTime());
    expect(receiver.to('/sport')).toEqual([]);
  });

  it('posts it once at 08:30, signed, after two failures and two retries', async () => {
    clock.set(shanghai('2026-11-23T08:30:00'));
    await (await queue.getJob(webhookJobId(noticeId)))!.promote();
    expect(await settle(noticeId)).toBe('completed');

    const posts = receiver.to('/sport');
    expect(posts.map((post) => post.answered)).toEqual([500, 500, 200]);
    const delivered = posts[2];
    expect(JSON.parse(delivered.body)).toEqual({
      id: noticeId,
      unitCode: 'sx-sport',
      taskId: null,
      kind: 'manual_reminder',
      title: '催办：evening-reminder',
      body: '请尽快办理。',
      createdAt: shanghai('2026-11-20T20:00:00').toISOString(),
      dueAt: null,
      deliveredLate: false,
    });
    const expected = `sha256=${createHmac('sha256', SECRET).update(delivered.body).digest('hex')}`;
    for (const post of posts) {
      expect(post.headers['x-supervision-signature']).toBe(
        `sha256=${createHmac('sha256', SECRET).update(post.body).digest('hex')}`,
      );
      expect(post.headers['x-supervision-delivery']).toBe(noticeId);
    }
    expect(delivered.headers['x-supervision-signature']).toBe(expected);
    expect(delivered.headers['x-supervision-timestamp']).toBe(String(shanghai('2026-11-23T08:30:00').getTime() / 1000));
    expect(delivered.headers['content-type']).toContain('application/json');
    expect((await delivery(noticeId))!).toMatchObject({
      state: 'delivered',
      attempts: 3,
      last_status: 200,
      last_error: null,
      delivered_at: shanghai('2026-11-23T08:30:00'),
    });
  });

  it('posts nothing more when the job runs again, the notice is written again, or the reconciler runs', async () => {
    await (await queue.getJob(webhookJobId(noticeId)))!.retry('completed');
    expect(await settle(noticeId)).toBe('completed');
    expect(await writeNotice('sx-sport', 'evening-reminder')).toBe(noticeId);
    expect(await app.get(WebhookReconciler).reconcile()).toEqual({ requeued: 0 });
    expect(receiver.to('/sport')).toHaveLength(3);
    expect((await delivery(noticeId))!.state).toBe('delivered');
  });

  it('marks a delivery failed after the last attempt, with attempts, status and error visible to admins', async () => {
    clock.set(shanghai('2026-11-23T10:00:00'));
    receiver.alwaysAnswer('/health', 500);
    await admin('put', '/admin/units/sx-health/webhook')
      .send({ url: receiver.url('/health'), secret: FAILING_SECRET })
      .expect(200);
    const failing = await writeNotice('sx-health', 'failing-reminder');
    expect((await delivery(failing))!.not_before).toEqual(shanghai('2026-11-23T10:00:00'));
    expect(await settle(failing)).toBe('failed');
    expect(receiver.to('/health')).toHaveLength(3);
    expect((await delivery(failing))!).toMatchObject({
      state: 'failed',
      attempts: 3,
      last_status: 500,
      last_error: '接收方返回 HTTP 500',
      delivered_at: null,
    });

    const listed = await admin('get', '/admin/units/sx-health/webhook/deliveries').expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({
        noticeId: failing,
        state: 'failed',
        attempts: 3,
        lastStatus: 500,
        lastError: '接收方返回 HTTP 500',
      }),
    ]);
    expect(listed.text).not.toContain(FAILING_SECRET);
  });

  it('records an unreachable receiver as a connection failure', async () => {
    await admin('put', '/admin/units/sx-health/webhook')
      .send({ url: 'http://127.0.0.1:9/unreachable', secret: FAILING_SECRET })
      .expect(200);
    const unreachable = await writeNotice('sx-health', 'unreachable-reminder');
    expect(await settle(unreachable)).toBe('failed');
    expect((await delivery(unreachable))!).toMatchObject({ state: 'failed', attempts: 3, last_status: null });
    expect((await delivery(unreachable))!.last_error).toBe('连接失败或超时');
  });

  it('re-queues a pending delivery whose job was lost', async () => {
    const lost = await dataSource.transaction(async (manager) => {
      await insertNotices(
        manager,
        [
          {
            dedupeKey: 'lost-wake-up',
            unitCode: 'sx-sport',
            taskId: null,
            kind: 'manual_reminder',
            title: '催办：lost',
            body: '请办理。',
            sentBy: null,
          },
        ],
        clock.now(),
      );
      return (
        await recordWebhookDeliveries(manager, { dedupeKeys: ['lost-wake-up'] }, clock.now(), app.get(WorkingCalendar))
      ).wakeUps;
    }); // committed, but the process "died" before queueing
    expect(lost).toHaveLength(1);
    expect(await queue.getJob(lost[0].jobId)).toBeUndefined();
    expect(await app.get(WebhookReconciler).reconcile()).toEqual({ requeued: 1 });
    expect(await settle(lost[0].data.noticeId)).toBe('completed');
    expect(
      receiver.to('/sport').filter((post) => post.headers['x-supervision-delivery'] === lost[0].data.noticeId),
    ).toHaveLength(1);
  });

  it('stops sending once the webhook is removed', async () => {
    await admin('delete', '/admin/units/sx-sport/webhook').expect(204);
    await admin('delete', '/admin/units/sx-sport/webhook').expect(404);
    const after = await writeNotice('sx-sport', 'after-removal');
    expect(await delivery(after)).toBeUndefined();
  });
});
