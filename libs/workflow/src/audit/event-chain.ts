import { createHash } from 'node:crypto';
import type { JsonObject } from '@app/common';

/** What an event says, as hashed. Dates as ISO strings so the hash does not depend on the driver. */
export interface ChainedEventBody {
  workflowId: string;
  seq: number;
  taskId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  payload: JsonObject;
  actorUserId: string | null;
  actorUsername: string;
  actorUnitCode: string | null;
  occurredAt: string;
}

export interface ChainedEvent extends ChainedEventBody {
  id: string;
  prevHash: string;
  hash: string;
}

/** The hash before a workflow's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function eventHash(prevHash: string, body: ChainedEventBody): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(body)).digest('hex');
}

export type ChainVerification =
  | { ok: true; events: number }
  | {
      ok: false;
      events: number;
      firstBadEventId: string;
      firstBadSeq: number;
      problem: 'sequence' | 'link' | 'hash';
      message: string;
    };

/** Checks a workflow's events, in seq order: numbering without gaps, each linked to the one before, each hash recomputed. */
export function verifyChain(events: readonly ChainedEvent[]): ChainVerification {
  let prevHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const fault = faultOf(event, index + 1, prevHash);
    if (fault) return { ok: false, events: events.length, firstBadEventId: event.id, firstBadSeq: event.seq, ...fault };
    prevHash = event.hash;
  }
  return { ok: true, events: events.length };
}

function faultOf(
  event: ChainedEvent,
  expectedSeq: number,
  prevHash: string,
): { problem: 'sequence' | 'link' | 'hash'; message: string } | null {
  if (event.seq !== expectedSeq)
    return { problem: 'sequence', message: `第${expectedSeq}条事件缺失或顺序错乱（实为第${event.seq}条）` };
  if (event.prevHash !== prevHash) return { problem: 'link', message: `第${event.seq}条事件与前一条事件的链接不符` };
  const { id: _id, prevHash: _prev, hash, ...body } = event;
  if (eventHash(prevHash, body) !== hash)
    return { problem: 'hash', message: `第${event.seq}条事件的内容与其哈希不符：记录已被改动` };
  return null;
}
