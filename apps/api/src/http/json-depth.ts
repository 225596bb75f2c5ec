import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from '@app/common';

/** No request of this API nests deeper; far deeper input is an attack on the parsers after JSON.parse. */
export const MAX_JSON_DEPTH = 32;

const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of objects and arrays in JSON text, strings skipped; stops counting past `limit`. */
export function jsonDepth(body: Buffer, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index];
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPEN.has(byte)) {
      depth += 1;
      deepest = Math.max(deepest, depth);
      if (deepest > limit) return deepest;
    } else if (CLOSE.has(byte)) depth -= 1;
  }
  return deepest;
}

/** body-parser's `verify` hook: refuses a body nested too deep before it is parsed, with 400 in the one error shape. */
export function refuseDeepJson(_request: IncomingMessage, _response: ServerResponse, body: Buffer): void {
  if (jsonDepth(body, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH) return;
  // body-parser forwards the error with its `status`; the error filter answers it as a DomainError.
  throw Object.assign(new DomainError('invalid', 'JSON_TOO_DEEP', `请求内容嵌套超过 ${MAX_JSON_DEPTH} 层`), {
    status: 400,
  });
}
