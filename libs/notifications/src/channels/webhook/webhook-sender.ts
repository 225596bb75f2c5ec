import type { LookupAddress, LookupOptions } from 'node:dns';
import { Injectable } from '@nestjs/common';
import { Agent, fetch } from 'undici';
import { DomainError } from '@app/common';
import { type ResolvedAddress, resolveWebhookAddress } from './webhook-address';
import { WebhookSettings } from './webhook-settings';

export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * One POST: the address checked again at send (resolved once, and the connection made only to those
 * addresses, so DNS cannot swap them), no redirects followed, a hard timeout, the body discarded.
 */
@Injectable()
export class WebhookSender {
  constructor(private readonly settings: WebhookSettings) {}

  async post(url: string, body: string, headers: Record<string, string>): Promise<SendResult> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await resolveWebhookAddress(url, this.settings);
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, status: null, error: `地址被拒绝：${error.message}` };
      throw error;
    }
    const dispatcher = new Agent({ connect: { lookup: pinnedLookup(addresses) } });
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
        dispatcher,
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
      return { ok: false, status: response.status, error: `接收方返回 HTTP ${response.status}` };
    } catch {
      // One cause for refused, reset, unreachable and timed out alike: the log must not map ports.
      return { ok: false, status: null, error: '连接失败或超时' };
    } finally {
      await dispatcher.close().catch(() => undefined);
    }
  }
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup that answers only the addresses already checked. */
function pinnedLookup(addresses: readonly ResolvedAddress[]) {
  return (_hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    if (options.all) return callback(null, [...addresses]);
    callback(null, addresses[0].address, addresses[0].family);
  };
}
