import { DataSource } from 'typeorm';
import {
  openWecomMessage,
  PersonAddressService,
  sealWecomMessage,
  xmlField,
  type WecomCallbackKeys,
} from '@app/notifications';
import { startTestApi, type TestApi } from '../support/api';

const KEYS: WecomCallbackKeys = {
  token: 'QDG6eKcallbackToken',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
};
const NOW = new Date('2026-11-23T02:00:00Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
const CALLBACK = '/channels/wecom/callback';

interface Signed {
  query: { msg_signature: string; timestamp: string; nonce: string };
  body: string;
}

/** A 签收 click on a card, encrypted and signed as WeCom sends it (接收消息 → 模板卡片事件推送). */
function cardClick(
  wecomUserId: string,
  cardTaskId: string,
  options: { ageSeconds?: number; nonce?: string; key?: string } = {},
): Signed {
  const timestamp = String(NOW_SECONDS - (options.ageSeconds ?? 0));
  const nonce = options.nonce ?? `n${Math.random().toString(36).slice(2, 12)}`;
  const event =
    `<xml><ToUserName><![CDATA[${KEYS.corpId}]]></ToUserName><FromUserName><![CDATA[${wecomUserId}]]></FromUserName>` +
    `<CreateTime>${timestamp}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
    `<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${options.key ?? '签收'}]]></EventKey>` +
    `<TaskId><![CDATA[${cardTaskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>` +
    `<ResponseCode><![CDATA[rc-${nonce}]]></ResponseCode><AgentID>1000002</AgentID></xml>`;
  const { encrypted, msgSignature } = sealWecomMessage(KEYS, event, timestamp, nonce);
  return {
    query: { msg_signature: msgSignature, timestamp, nonce },
    body: `<xml><ToUserName><![CDATA[${KEYS.corpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`,
  };
}

/** The button text of an encrypted update_button reply, after checking its signature as WeCom would. */
function replacedButton(reply: string): string | null {
  const plain = openWecomMessage(
    KEYS,
    {
      msgSignature: xmlField(reply, 'MsgSignature')!,
      timestamp: xmlField(reply, 'TimeStamp')!,
      nonce: xmlField(reply, 'Nonce')!,
    },
    xmlField(reply, 'Encrypt')!,
  );
  expect(xmlField(plain, 'MsgType')).toBe('update_button');
  return xmlField(plain, 'ReplaceName');
}

/** 签收 from a WeCom card through the callback route, on a real database. */
describe('WeCom callback', () => {
  let api: TestApi;
  let taskId: string;
  const db = () => api.app.get(DataSource);
  const post = (signed: Signed) =>
    api.http.post(CALLBACK).query(signed.query).set('Content-Type', 'text/xml').send(signed.body);

  const taskRow = async () =>
    (await db().query('SELECT state, version FROM tasks WHERE id = $1', [taskId]))[0] as {
      state: string;
      version: number;
    };
  const refusals = async (): Promise<{ code: string; wecom_user_id: string | null }[]> =>
    db().query('SELECT code, wecom_user_id FROM wecom_callback_refusals ORDER BY id');

  beforeAll(async () => {
    api = await startTestApi(NOW, {
      env: {
        WECOM_CORP_ID: KEYS.corpId,
        WECOM_AGENT_ID: '1000002',
        WECOM_SECRET: 'wecom-app-secret-value',
        WECOM_CALLBACK_TOKEN: KEYS.token,
        WECOM_ENCODING_AES_KEY: KEYS.encodingAesKey,
      },
    });
    const tokens = await api.createUsers([
      ['supervisor', 'sx-supervision-office', 'supervisor'],
      ['culture-officer', 'sx-culture-tourism', 'officer'],
      ['sport-officer', 'sx-sport', 'officer'],
    ]);
    const users: { id: string; username: string }[] = await db().query('SELECT id, username FROM users');
    const idOf = (username: string) => users.find((user) => user.username === username)!.id;
    await api.app.get(PersonAddressService).set(idOf('culture-officer'), { wecomUserId: 'CultureOfficer' });
    await api.app.get(PersonAddressService).set(idOf('sport-officer'), { wecomUserId: 'SportOfficer' });
    await api.launchSeedMeasure('二.(一).1', '2027-06-30', tokens.supervisor);
    [{ id: taskId }] = await db().query(
      `SELECT id FROM tasks WHERE unit_code = 'sx-culture-tourism' AND kind = 'lead'`,
    );
  });

  afterAll(() => api.close());

  it('answers URL verification with the decrypted echostr as text', async () => {
    const timestamp = String(NOW_SECONDS);
    const { encrypted, msgSignature } = sealWecomMessage(KEYS, '1616140317555161061', timestamp, 'verify-1');
    const response = await api.http
      .get(CALLBACK)
      .query({ msg_signature: msgSignature, timestamp, nonce: 'verify-1', echostr: encrypted })
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toBe('1616140317555161061');
  });

  it('refuses and records a forged signature, changing nothing', async () => {
    const signed = cardClick('CultureOfficer', `${taskId}@1`);
    signed.query.msg_signature = signed.query.msg_signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    const response = await post(signed).expect(403);
    expect(response.body.code).toBe('WECOM_SIGNATURE_INVALID');
    expect(await taskRow()).toEqual({ state: 'assigned', version: 1 });
    expect((await refusals()).at(-1)).toEqual({ code: 'WECOM_SIGNATURE_INVALID', wecom_user_id: null });
  });

  it('refuses and records a callback older than 5 minutes', async () => {
    const response = await post(cardClick('CultureOfficer', `${taskId}@1`, { ageSeconds: 301 })).expect(403);
    expect(response.body.code).toBe('WECOM_CALLBACK_EXPIRED');
    expect(await taskRow()).toEqual({ state: 'assigned', version: 1 });
    expect((await refusals()).at(-1)?.code).toBe('WECOM_CALLBACK_EXPIRED');
  });

  it('gives a member of another unit the card’s refusal and no change', async () => {
    const response = await post(cardClick('SportOfficer', `${taskId}@1`)).expect(200);
    expect(replacedButton(response.text)).toBe('签收未成功');
    expect(await taskRow()).toEqual({ state: 'assigned', version: 1 });
    expect((await refusals()).at(-1)).toEqual({ code: 'TASK_NOT_FOUND', wecom_user_id: 'SportOfficer' });
  });

  it('refuses a member whose WeCom userid no user holds, and ignores other buttons', async () => {
    const unknown = await post(cardClick('NobodyHere', `${taskId}@1`)).expect(200);
    expect(replacedButton(unknown.text)).toBe('签收未成功');
    expect((await refusals()).at(-1)).toEqual({ code: 'WECOM_USER_UNKNOWN', wecom_user_id: 'NobodyHere' });
    const other = await post(cardClick('CultureOfficer', `${taskId}@1`, { key: '查看' })).expect(200);
    expect(other.text).toBe('');
    expect(await taskRow()).toEqual({ state: 'assigned', version: 1 });
  });

  let accepted: Signed;

  it('acknowledges the task as the member’s user, through the state machine, recording the channel', async () => {
    accepted = cardClick('CultureOfficer', `${taskId}@1`);
    const response = await post(accepted).expect(200);
    expect(replacedButton(response.text)).toBe('已签收');
    expect(await taskRow()).toEqual({ state: 'acknowledged', version: 2 });
    const events = await db().query(
      `SELECT action, from_state, to_state, payload, actor_username FROM task_events WHERE task_id = $1 AND action = 'acknowledge'`,
      [taskId],
    );
    expect(events).toEqual([
      {
        action: 'acknowledge',
        from_state: 'assigned',
        to_state: 'acknowledged',
        payload: { channel: 'wecom', version: 2 },
        actor_username: 'culture-officer',
      },
    ]);
  });

  it('refuses and records a replay of an accepted callback', async () => {
    const before = (await refusals()).length;
    const response = await post(accepted).expect(409);
    expect(response.body.code).toBe('WECOM_CALLBACK_REPLAYED');
    expect(await refusals()).toHaveLength(before + 1);
    expect((await refusals()).at(-1)?.code).toBe('WECOM_CALLBACK_REPLAYED');
  });
});
