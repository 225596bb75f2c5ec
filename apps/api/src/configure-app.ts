import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json, text } from 'express';
import { Metrics } from '@app/metrics';
import { serveConsole } from './http/console-static';
import { refuseDeepJson } from './http/json-depth';
import { buildOpenApiDocument } from './http/openapi-document';
import { securityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation';
import { recordHttpMetrics } from './metrics/http-metrics';

/** JSON bodies above this are refused with 413; documents come as multipart uploads with their own limit. */
const JSON_BODY_LIMIT = '1mb';
const WECOM_CALLBACK_PATH = '/channels/wecom/callback';
/** A card click's envelope is well under 2 KB. */
const WECOM_BODY_LIMIT = '64kb';

/** Everything main.ts and the e2e tests both need, so tests exercise the app as it runs. */
export function configureApp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(recordHttpMetrics(app.get(Metrics)));
  // Express's own JSON parser, as useBodyParser would add it: Nest 12 keeps that one's `verify` for `rawBody`.
  // Being named jsonParser, it takes the place of Nest's default parser.
  app.use(json({ limit: JSON_BODY_LIMIT, verify: refuseDeepJson }));
  // WeCom posts its encrypted envelope as XML, whatever content type it names.
  app.use(WECOM_CALLBACK_PATH, text({ type: () => true, limit: WECOM_BODY_LIMIT }));
  app.useGlobalPipes(createValidationPipe());
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app));
  serveConsole(app);
}
