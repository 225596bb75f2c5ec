import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { repositoryRoot } from '@app/common';

export const CONSOLE_PREFIX = '/console';

/** Where `npm run build` puts the console (apps/console, built by Vite). */
export function consoleFolder(): string {
  return join(repositoryRoot(), 'dist', 'console');
}

/**
 * The web console as static files under /console/, from the API's own origin (no second server, no CORS).
 * Any other page path answers index.html, so a deep link (/console/tasks/<id>) opens after a reload; the
 * API's routes stay where they are. `/` sends a browser to the console.
 */
export function serveConsole(app: NestExpressApplication, folder = consoleFolder()): void {
  const index = join(folder, 'index.html');
  const files = express.static(folder, {
    index: false,
    // Vite names each asset by its content hash: a cached copy is never stale.
    setHeaders: (response, path) => {
      if (path.includes(`${join(folder, 'assets')}`))
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    },
  });
  app.use(CONSOLE_PREFIX, files, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/assets/') || !existsSync(index)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method === 'GET' && request.path === '/') return response.redirect(302, `${CONSOLE_PREFIX}/`);
    next();
  });
}
