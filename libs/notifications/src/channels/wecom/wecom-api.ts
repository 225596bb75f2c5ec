import type { AccessTokenCache } from '../platform/access-token-cache';

export interface WecomAppSettings {
  baseUrl: string;
  corpId: string;
  agentId: number;
  secret: string;
}

/** A message as `message/send` takes it, less `agentid` (the app's) and the duplicate check (always on). */
export type WecomMessage =
  | {
      touser: string;
      msgtype: 'textcard';
      textcard: { title: string; description: string; url: string; btntxt?: string };
    }
  | { touser: string; msgtype: 'template_card'; template_card: WecomButtonCard };

/** A `button_interaction` template card: 签收 answers through the callback, 查看 opens the task. */
export interface WecomButtonCard {
  card_type: 'button_interaction';
  source?: { desc: string };
  main_title: { title: string; desc?: string };
  sub_title_text?: string;
  horizontal_content_list?: { keyname: string; value: string }[];
  card_action: { type: 1; url: string };
  task_id: string;
  button_list: ({ text: string; style?: number; key: string } | { text: string; type: 1; url: string })[];
}

export type WecomSendResult =
  | { ok: true; msgid: string; responseCode: string | null; invalidUsers: string[] }
  | { ok: false; errcode: number; errmsg: string };

/** errcodes meaning the token is no longer good: fetch another once and try again. */
const TOKEN_GONE = new Set([40014, 42001]);
/** How long WeCom refuses the same content to the same member (enable_duplicate_check), in seconds. */
const DUPLICATE_CHECK_SECONDS = 1800;

/** A platform answer the engine cannot judge (5xx, not JSON, no answer): the caller retries or records it as unknown. */
export class WecomUnavailableError extends Error {
  constructor(readonly status: number | null) {
    super(`WeCom did not answer usably (${status ?? 'no response'})`);
    this.name = 'WecomUnavailableError';
  }
}

interface WecomAnswer {
  errcode: number;
  errmsg: string;
  [field: string]: unknown;
}

/** The WeCom app's API as the engine uses it; the base URL is configuration, so tests point it at a fake. */
export class WecomApi {
  constructor(
    private readonly settings: WecomAppSettings,
    private readonly tokens: AccessTokenCache,
  ) {}

  async send(message: WecomMessage): Promise<WecomSendResult> {
    const answer = await this.withToken('message/send', {
      ...message,
      agentid: this.settings.agentId,
      enable_duplicate_check: 1,
      duplicate_check_interval: DUPLICATE_CHECK_SECONDS,
    });
    if (answer.errcode !== 0) return { ok: false, errcode: answer.errcode, errmsg: answer.errmsg };
    return {
      ok: true,
      msgid: String(answer.msgid ?? ''),
      responseCode: typeof answer.response_code === 'string' ? answer.response_code : null,
      invalidUsers: splitUsers(answer.invaliduser),
    };
  }

  /** Replaces a button card's buttons with one line (e.g. 已签收), using the response_code of its send or click. */
  async updateButtonCard(userids: string[], responseCode: string, replaceName: string): Promise<WecomAnswer> {
    return this.withToken('message/update_template_card', {
      userids,
      agentid: this.settings.agentId,
      response_code: responseCode,
      button: { replace_name: replaceName },
    });
  }

  private async withToken(path: string, body: object): Promise<WecomAnswer> {
    const name = `wecom:${this.settings.corpId}:${this.settings.agentId}`;
    const token = await this.tokens.get(name, () => this.fetchToken());
    const answer = await this.post(path, token, body);
    if (!TOKEN_GONE.has(answer.errcode)) return answer;
    await this.tokens.expire(name, token);
    return this.post(path, await this.tokens.get(name, () => this.fetchToken()), body);
  }

  private async fetchToken(): Promise<{ token: string; expiresInSeconds: number }> {
    const url = new URL('/cgi-bin/gettoken', this.settings.baseUrl);
    url.searchParams.set('corpid', this.settings.corpId);
    url.searchParams.set('corpsecret', this.settings.secret);
    const answer = await this.request(url, { method: 'GET' });
    if (answer.errcode !== 0 || typeof answer.access_token !== 'string')
      throw new Error(`WeCom gettoken refused: errcode ${answer.errcode}`);
    return { token: answer.access_token, expiresInSeconds: Number(answer.expires_in ?? 7200) };
  }

  private post(path: string, token: string, body: object): Promise<WecomAnswer> {
    const url = new URL(`/cgi-bin/${path}`, this.settings.baseUrl);
    url.searchParams.set('access_token', token);
    return this.request(url, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    });
  }

  /** URLs carry the secret or token: never put one in an error or a log line. */
  private async request(url: URL, init: RequestInit): Promise<WecomAnswer> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
    } catch {
      throw new WecomUnavailableError(null);
    }
    if (response.status >= 500 || !response.ok) throw new WecomUnavailableError(response.status);
    const answer: unknown = await response.json().catch(() => null);
    if (!answer || typeof answer !== 'object' || typeof (answer as WecomAnswer).errcode !== 'number')
      throw new WecomUnavailableError(response.status);
    return answer as WecomAnswer;
  }
}

function splitUsers(value: unknown): string[] {
  return typeof value === 'string' && value !== '' ? value.split('|') : [];
}
