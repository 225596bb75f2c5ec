import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWecomMessage {
  touser: string;
  msgtype: string;
  at: number;
  body: Record<string, unknown>;
}

/**
 * WeCom's API on 127.0.0.1, written from its documents (gettoken, message/send, update_template_card):
 * errcodes 40001 (bad secret), 40013 (bad corpid), 42001 (token expired), 40014 (bad token), 301002 (bad
 * agentid), 44004 (empty content), 40008 (bad msgtype); unknown members come back in `invaliduser`; past 30
 * a minute or 1,000 an hour a member's messages are dropped without a word.
 */
export class FakeWecom {
  readonly delivered: FakeWecomMessage[] = [];
  readonly dropped: FakeWecomMessage[] = [];
  readonly updates: Record<string, unknown>[] = [];
  tokensIssued = 0;
  /** Answer the next requests to message/send with these HTTP statuses first. */
  readonly failures: number[] = [];
  private readonly tokens = new Set<string>();
  private server: Server | null = null;
  private port = 0;

  constructor(
    readonly corpId: string,
    readonly secret: string,
    readonly agentId: number,
    readonly members: Set<string>,
    /** The platform's clock, for its per-member windows. */
    private readonly now: () => number = Date.now,
  ) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Every token issued so far stops working (as after its 7,200 seconds). */
  expireTokens(): void {
    this.tokens.clear();
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', this.baseUrl);
        const answer = this.answer(url, Buffer.concat(chunks).toString('utf8'));
        if (typeof answer === 'number') return response.writeHead(answer).end('busy');
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server?.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private answer(url: URL, text: string): Record<string, unknown> | number {
    if (url.pathname === '/cgi-bin/gettoken') return this.getToken(url);
    const token = url.searchParams.get('access_token') ?? '';
    if (!this.tokens.has(token))
      return token.startsWith('fake-')
        ? { errcode: 42001, errmsg: 'access_token expired' }
        : { errcode: 40014, errmsg: 'invalid access_token' };
    const body = JSON.parse(text) as Record<string, unknown>;
    if (body.agentid !== this.agentId)
      return { errcode: 301002, errmsg: 'not allow operate another agent with this accesstoken.' };
    if (url.pathname === '/cgi-bin/message/send') return this.send(body);
    if (url.pathname === '/cgi-bin/message/update_template_card') {
      this.updates.push(body);
      return { errcode: 0, errmsg: 'ok', invaliduser: [] };
    }
    return { errcode: 404, errmsg: 'unknown api' };
  }

  private getToken(url: URL): Record<string, unknown> {
    if (url.searchParams.get('corpid') !== this.corpId) return { errcode: 40013, errmsg: 'invalid corpid' };
    if (url.searchParams.get('corpsecret') !== this.secret) return { errcode: 40001, errmsg: 'invalid credential' };
    const token = `fake-${randomBytes(16).toString('hex')}`;
    this.tokens.add(token);
    this.tokensIssued += 1;
    return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 };
  }

  private send(body: Record<string, unknown>): Record<string, unknown> | number {
    const failure = this.failures.shift();
    if (failure !== undefined) return failure;
    const msgtype = String(body.msgtype ?? '');
    if (!['text', 'textcard', 'template_card', 'markdown'].includes(msgtype))
      return { errcode: 40008, errmsg: 'invalid message type' };
    const content = body[msgtype] as Record<string, unknown> | undefined;
    if (!content) return { errcode: 44004, errmsg: 'empty content' };
    if (
      msgtype === 'template_card' &&
      (content.card_type === 'button_interaction') !== (typeof content.task_id === 'string')
    )
      return { errcode: 40058, errmsg: 'template_card: button_interaction needs task_id' };
    const users = String(body.touser ?? '')
      .split('|')
      .filter(Boolean);
    const invalid = users.filter((user) => !this.members.has(user));
    for (const user of users.filter((member) => this.members.has(member))) this.deliver(user, msgtype, body);
    const code = msgtype === 'template_card' ? { response_code: randomBytes(8).toString('hex') } : {};
    return { errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|'), msgid: randomBytes(6).toString('hex'), ...code };
  }

  private deliver(touser: string, msgtype: string, body: Record<string, unknown>): void {
    const at = this.now();
    const mine = this.delivered.filter((message) => message.touser === touser);
    const inMinute = mine.filter((message) => Math.floor(message.at / 60_000) === Math.floor(at / 60_000)).length;
    const inHour = mine.filter((message) => Math.floor(message.at / 3_600_000) === Math.floor(at / 3_600_000)).length;
    const message = { touser, msgtype, at, body };
    (inMinute >= 30 || inHour >= 1000 ? this.dropped : this.delivered).push(message);
  }
}
