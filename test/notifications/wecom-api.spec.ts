import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig } from '@app/common';
import { emptyRedisOf } from '@app/testing';
import {
  AccessTokenCache,
  avoidRushMinutes,
  MemberPacer,
  WECOM_MEMBER_LIMITS,
  WecomApi,
  type WecomMessage,
  WecomUnavailableError,
} from '@app/notifications';
import { FakeWecom } from './fake-wecom';

const CORP = 'ww-test-corp-0001';
const SECRET = 'wecom-app-secret-for-tests';
const AGENT = 1000002;

const card = (touser: string, taskId: string): WecomMessage => ({
  touser,
  msgtype: 'template_card',
  template_card: {
    card_type: 'button_interaction',
    main_title: { title: '新任务：实施A级旅游景区倍增计划', desc: '省督查室 分派' },
    card_action: { type: 1, url: 'https://supervision.example.gov.cn/console/tasks/1' },
    task_id: taskId,
    button_list: [
      { text: '签收', style: 1, key: 'acknowledge:1' },
      { text: '查看', type: 1, url: 'https://supervision.example.gov.cn/console/tasks/1' },
    ],
  },
});

/** The WeCom adapter against a fake WeCom on 127.0.0.1, tokens and pacing in the real Redis. */
describe('the WeCom API adapter', () => {
  const prefix = `test-wecom-${process.pid}-${randomBytes(4).toString('hex')}`;
  const members = new Set(Array.from({ length: 40 }, (_, index) => `member${index}`));
  const fake = new FakeWecom(CORP, SECRET, AGENT, members);
  let redis: Redis;
  /** Two workers: each its own Redis connection and adapter, sharing the cache. */
  let workers: WecomApi[];
  const connections: Redis[] = [];

  beforeAll(async () => {
    await fake.start();
    redis = new Redis(loadConfig().REDIS_URL);
    workers = [0, 1].map(
      () =>
        new WecomApi(
          { baseUrl: fake.baseUrl, corpId: CORP, agentId: AGENT, secret: SECRET },
          new AccessTokenCache(connections[connections.push(new Redis(loadConfig().REDIS_URL)) - 1], prefix),
        ),
    );
  });

  afterAll(async () => {
    await emptyRedisOf(prefix, redis);
    await Promise.all([redis, ...connections].map((connection) => connection.quit()));
    await fake.stop();
  });

  it('fetches one token for a burst on two workers, then one more when it expires mid-burst', async () => {
    const burst = (round: number) =>
      Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          workers[index % 2].send(card(`member${index}`, `task-${round}-${index}`)),
        ),
      );
    const first = await burst(1);
    expect(first.every((result) => result.ok)).toBe(true);
    expect(fake.tokensIssued).toBe(1);
    fake.expireTokens();
    const second = await burst(2);
    expect(second.every((result) => result.ok)).toBe(true);
    expect(fake.tokensIssued).toBe(2);
    expect(fake.delivered).toHaveLength(80);
    expect(fake.delivered[0].body).toMatchObject({ agentid: AGENT, enable_duplicate_check: 1 });
  });

  it('gives the card’s response_code and the members WeCom did not know', async () => {
    const result = await workers[0].send(card('member1|left-the-bureau|member2', 'task-invalid'));
    expect(result).toEqual({
      ok: true,
      msgid: expect.any(String),
      responseCode: expect.stringMatching(/^[0-9a-f]{16}$/),
      invalidUsers: ['left-the-bureau'],
    });
  });

  it('returns a refusal with its errcode, and a 5xx as unavailable (to retry, never as sent)', async () => {
    const empty = { touser: 'member1', msgtype: 'template_card' } as unknown as WecomMessage;
    expect(await workers[0].send(empty)).toMatchObject({ ok: false, errcode: 44004 });
    const noTaskId = card('member1', 'unused');
    if (noTaskId.msgtype === 'template_card') delete (noTaskId.template_card as { task_id?: string }).task_id;
    expect(await workers[0].send(noTaskId)).toMatchObject({ ok: false, errcode: 40058 });
    fake.failures.push(502);
    await expect(workers[0].send(card('member1', 'task-5xx'))).rejects.toBeInstanceOf(WecomUnavailableError);
  });

  it('never puts the secret or a token in an error', async () => {
    const wrong = new WecomApi(
      { baseUrl: fake.baseUrl, corpId: CORP, agentId: AGENT, secret: 'a-wrong-secret-value' },
      new AccessTokenCache(redis, `${prefix}-wrong`),
    );
    const error: unknown = await wrong.send(card('member1', 'task-wrong')).catch((caught: unknown) => caught);
    expect(String(error)).toMatch(/errcode 40001/);
    expect(String(error)).not.toMatch(/a-wrong-secret-value|access_token=/);
  });

  it('paces a member to 30 a minute and 1,000 an hour across workers', async () => {
    const pacers = [
      new MemberPacer(redis, prefix, WECOM_MEMBER_LIMITS),
      new MemberPacer(redis, prefix, WECOM_MEMBER_LIMITS),
    ];
    const start = new Date('2026-12-02T02:10:15Z');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => pacers[index % 2].reserve('wecom', 'member7', start)),
    );
    expect(answers.filter((wait) => wait === 0)).toHaveLength(30);
    expect(new Set(answers.filter((wait) => wait > 0))).toEqual(new Set([45_000]));
    expect(await pacers[0].reserve('wecom', 'member8', start)).toBe(0);
    let granted = 30;
    for (let minute = 1; minute < 60 && granted < 1000; minute += 1) {
      const at = new Date(start.getTime() + minute * 60_000);
      for (let i = 0; i < 30 && granted < 1000; i += 1)
        if ((await pacers[0].reserve('wecom', 'member7', at)) === 0) granted += 1;
    }
    expect(granted).toBe(1000);
    const hourFull = await pacers[1].reserve('wecom', 'member7', new Date('2026-12-02T02:50:00Z'));
    expect(hourFull).toBe(10 * 60_000);
  });

  it('moves sends off the exact hour and half hour', () => {
    expect(avoidRushMinutes(new Date('2026-12-02T01:00:20Z'))).toEqual(new Date('2026-12-02T01:01:20Z'));
    expect(avoidRushMinutes(new Date('2026-12-02T01:30:00Z'))).toEqual(new Date('2026-12-02T01:31:00Z'));
    expect(avoidRushMinutes(new Date('2026-12-02T01:29:59Z'))).toEqual(new Date('2026-12-02T01:29:59Z'));
  });
});
