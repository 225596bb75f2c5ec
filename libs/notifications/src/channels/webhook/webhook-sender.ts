import { Injectable } from '@nestjs/common';
import { WebhookSettings } from './webhook-settings';

export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

const MAX_ERROR_LENGTH = 500;

/** One POST with Node's fetch: no redirects followed, a hard timeout, the response body discarded. */
@Injectable()
export class WebhookSender {
  constructor(private readonly settings: WebhookSettings) {}

  async post(url: string, body: string, headers: Record<string, string>): Promise<SendResult> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
      return { ok: false, status: response.status, error: `接收方返回 HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, status: null, error: describeFailure(error, this.settings.timeoutMs) };
    }
  }
}

/** A short Chinese cause for the admin's delivery list; never the request (it carries the signature). */
export function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `请求超时（${timeoutMs} 毫秒）`;
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  const code = cause instanceof Error ? ((cause as Error & { code?: string }).code ?? cause.message) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return `连接失败：${code ?? message}`.slice(0, MAX_ERROR_LENGTH);
}
