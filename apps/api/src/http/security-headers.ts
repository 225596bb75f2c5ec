import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every response (JSON, /docs, the queue dashboard, downloads): no framing, no
 * MIME sniffing, and a content security policy the web clients work under: scripts only from this
 * origin (Swagger UI and Bull Board load theirs as files), styles from this origin plus inline ones
 * (antd and Bull Board set style attributes), images and fonts also as data: URIs, requests only to
 * this origin. Nothing is loaded from elsewhere (Bull Board's web font falls back to the system's),
 * and no `upgrade-insecure-requests`, which would break a plain-http intranet deployment.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
  });
}
