import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig, Clock, DomainError } from '@app/common';
import {
  openWecomMessage,
  sealWecomMessage,
  WecomCallbackError,
  type WecomCallbackKeys,
} from './wecom-callback-crypto';
import { encryptedReply, updateButtonReply, xmlField } from './wecom-callback-message';

/** The query WeCom adds to every callback. */
export interface WecomCallbackQuery {
  msgSignature: string;
  timestamp: string;
  nonce: string;
}

/** How old (or how far ahead) a callback's timestamp may be. */
const MAX_AGE_SECONDS = 300;
/** Receipts older than this can go: a replay of them is refused as expired anyway. */
const RECEIPT_KEEP_SECONDS = 2 * MAX_AGE_SECONDS;

/** Why a callback was refused; each is recorded in wecom_callback_refusals. */
const REFUSALS = {
  WECOM_SIGNATURE_INVALID: ['forbidden', '企业微信回调签名无效'],
  WECOM_CALLBACK_UNREADABLE: ['invalid', '企业微信回调无法解密或格式不符'],
  WECOM_CALLBACK_EXPIRED: ['forbidden', '企业微信回调已过期（时间戳超过 5 分钟）'],
  WECOM_CALLBACK_REPLAYED: ['conflict', '企业微信回调重复（同一签名和随机数已处理）'],
} as const;
export type WecomRefusalCode = keyof typeof REFUSALS;

/** What else a refusal record may name: the member and the task the click was about. */
export interface WecomRefusalContext {
  wecomUserId?: string | null;
  taskId?: string | null;
}

/**
 * The WeCom callback's door: only a message signed with the app's Token, encrypted for this CorpID,
 * at most 5 minutes old and never seen before gets through; everything else is refused and recorded.
 */
@Injectable()
export class WecomCallbackGate {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  /** URL verification (GET): the decrypted echostr. */
  verifyUrl(query: WecomCallbackQuery, echostr: string): Promise<string> {
    return this.admit(query, echostr);
  }

  /** An event (POST): the decrypted XML inside the posted envelope's Encrypt. */
  open(query: WecomCallbackQuery, body: string): Promise<string> {
    return this.admit(query, xmlField(body, 'Encrypt') ?? '');
  }

  /** The passive reply replacing the clicked button with `replaceName`, encrypted and signed for WeCom. */
  updateButton(wecomUserId: string, replaceName: string): string {
    const seconds = Math.floor(this.clock.now().getTime() / 1000);
    return this.seal(updateButtonReply(wecomUserId, this.keys().corpId, seconds, replaceName), seconds);
  }

  private seal(message: string, seconds: number): string {
    const timestamp = String(seconds);
    const nonce = randomBytes(8).toString('hex');
    const { encrypted, msgSignature } = sealWecomMessage(this.keys(), message, timestamp, nonce);
    return encryptedReply(encrypted, msgSignature, timestamp, nonce);
  }

  /** The engine user holding this WeCom userid, if any. */
  async userIdOf(wecomUserId: string): Promise<string | null> {
    const [row]: { user_id: string }[] = await this.dataSource.query(
      'SELECT user_id FROM user_channel_addresses WHERE wecom_user_id = $1',
      [wecomUserId],
    );
    return row?.user_id ?? null;
  }

  /** Records a refusal: the gate's own, or the engine's (e.g. INVALID_TRANSITION) for an admitted click. */
  async record(code: string, query: Partial<WecomCallbackQuery>, context: WecomRefusalContext = {}): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO wecom_callback_refusals (received_at, code, msg_signature, nonce, sent_at, wecom_user_id, task_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        this.clock.now(),
        code,
        clip(query.msgSignature),
        clip(query.nonce),
        clip(query.timestamp),
        clip(context.wecomUserId),
        clip(context.taskId),
      ],
    );
  }

  private async admit(query: WecomCallbackQuery, encrypted: string): Promise<string> {
    let plain: string;
    try {
      plain = openWecomMessage(this.keys(), query, encrypted);
    } catch (error) {
      if (!(error instanceof WecomCallbackError)) throw error;
      throw await this.refuse(
        error.fault === 'signature' ? 'WECOM_SIGNATURE_INVALID' : 'WECOM_CALLBACK_UNREADABLE',
        query,
      );
    }
    if (!this.fresh(query.timestamp)) throw await this.refuse('WECOM_CALLBACK_EXPIRED', query);
    if (!(await this.firstTime(query))) throw await this.refuse('WECOM_CALLBACK_REPLAYED', query);
    return plain;
  }

  private fresh(timestamp: string): boolean {
    if (!/^\d{1,12}$/.test(timestamp)) return false;
    const ageSeconds = this.clock.now().getTime() / 1000 - Number(timestamp);
    return Math.abs(ageSeconds) <= MAX_AGE_SECONDS;
  }

  /** Keeps the signature and nonce once; a second arrival of the same pair hits the primary key. */
  private async firstTime(query: WecomCallbackQuery): Promise<boolean> {
    const now = this.clock.now();
    await this.dataSource.query('DELETE FROM wecom_callback_receipts WHERE received_at < $1', [
      new Date(now.getTime() - RECEIPT_KEEP_SECONDS * 1000),
    ]);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO wecom_callback_receipts (msg_signature, nonce, received_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [query.msgSignature.toLowerCase(), query.nonce, now],
    );
    return inserted.length === 1;
  }

  private async refuse(code: WecomRefusalCode, query: WecomCallbackQuery): Promise<DomainError> {
    await this.record(code, query);
    const [kind, message] = REFUSALS[code];
    return new DomainError(kind, code, message);
  }

  private keys(): WecomCallbackKeys {
    const { WECOM_CALLBACK_TOKEN: token, WECOM_ENCODING_AES_KEY: encodingAesKey, WECOM_CORP_ID: corpId } = this.config;
    if (!token || !encodingAesKey || !corpId)
      throw new DomainError('unavailable', 'WECOM_NOT_CONFIGURED', '未配置企业微信应用，回调不可用');
    return { token, encodingAesKey, corpId };
  }
}

/** Caller-given text kept in a record, bounded. */
function clip(value: string | null | undefined): string | null {
  return value ? value.slice(0, 200) : null;
}
