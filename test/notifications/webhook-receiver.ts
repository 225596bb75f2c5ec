import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A webhook receiver on 127.0.0.1 (ephemeral port): answers each path with its scripted statuses, then 200. */
export class WebhookReceiver {
  readonly received: ReceivedRequest[] = [];
  private readonly scripts = new Map<string, number[]>();
  private readonly always = new Map<string, number>();
  private server: Server | null = null;
  private port = 0;

  /** The next requests to `path` answer these statuses in turn. */
  script(path: string, statuses: number[]): void {
    this.scripts.set(path, [...statuses]);
  }

  /** Every request to `path` answers this status. */
  alwaysAnswer(path: string, status: number): void {
    this.always.set(path, status);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  to(path: string): ReceivedRequest[] {
    return this.received.filter((request) => request.path === path);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const status = this.always.get(path) ?? this.scripts.get(path)?.shift() ?? 200;
        this.received.push({
          path,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          answered: status,
        });
        response.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'boom');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
