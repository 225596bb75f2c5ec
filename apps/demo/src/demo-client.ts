/** A small HTTP client for the demo's users: every call goes through the real API on 127.0.0.1. */
export class DemoClient {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: ReadonlyMap<string, string>,
  ) {}

  /** The status and parsed body, whatever the status. */
  async send(
    user: string,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: object | FormData,
  ): Promise<{ status: number; body: unknown }> {
    const token = this.tokens.get(user);
    if (!token) throw new Error(`演示用户 ${user} 没有登录`);
    const isForm = body instanceof FormData;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body && !isForm ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async request<T>(user: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: object | FormData): Promise<T> {
    const { status, body: answer } = await this.send(user, method, path, body);
    if (status >= 400)
      throw new Error(`${user} ${method} ${path} → ${status}: ${JSON.stringify(answer).slice(0, 300)}`);
    return answer as T;
  }

  get<T>(user: string, path: string): Promise<T> {
    return this.request<T>(user, 'GET', path);
  }

  post<T>(user: string, path: string, body: object | FormData = {}): Promise<T> {
    return this.request<T>(user, 'POST', path, body);
  }

  /** Downloads a file as bytes. */
  async download(user: string, path: string): Promise<Buffer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${this.tokens.get(user)}` },
    });
    if (!response.ok) throw new Error(`${user} GET ${path} → ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}
