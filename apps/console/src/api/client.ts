import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { clearSession, readSession } from '../auth/session';

/** The engine's one error shape (apps/api/src/http/error-response.ts). */
export interface EngineError {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
}

let onExpired: () => void = () => undefined;

/** The router registers how to go to the login page when the engine no longer accepts the token. */
export function whenSessionExpires(handler: () => void): void {
  onExpired = handler;
}

const bearer: Middleware = {
  onRequest({ request }) {
    const session = readSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has('Authorization')) {
      clearSession();
      onExpired();
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearer);

/** An answer the engine refused, with its Chinese message and stable code. */
export class EngineRequestError extends Error {
  constructor(readonly body: EngineError) {
    super(body.message);
  }
}

interface Reply<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer, typed by the OpenAPI document; a refusal throws EngineRequestError. */
export async function answer<D>(call: Promise<Reply<D>>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok) throw new EngineRequestError(asEngineError(error, response.status));
  return data as D;
}

function asEngineError(error: unknown, status: number): EngineError {
  if (error && typeof error === 'object' && 'message' in error) return error as EngineError;
  return { statusCode: status, code: 'HTTP_' + status, message: `请求失败（${status}）` };
}
