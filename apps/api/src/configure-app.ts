import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { Metrics } from '@app/metrics';
import { refuseDeepJson } from './http/json-depth';
import { securityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation';
import { recordHttpMetrics } from './metrics/http-metrics';

/** JSON bodies above this are refused with 413; documents come as multipart uploads with their own limit. */
const JSON_BODY_LIMIT = '1mb';

/** Everything main.ts and the e2e tests both need, so tests exercise the app as it runs. */
export function configureApp(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(recordHttpMetrics(app.get(Metrics)));
  // Express's own JSON parser, as useBodyParser would add it: Nest 12 keeps that one's `verify` for `rawBody`.
  // Being named jsonParser, it takes the place of Nest's default parser.
  app.use(json({ limit: JSON_BODY_LIMIT, verify: refuseDeepJson }));
  app.useGlobalPipes(createValidationPipe());
  const openApi = new DocumentBuilder()
    .setTitle('督查督办 supervision engine')
    .setDescription(
      'Policy documents in, supervised work out. Errors share one shape: statusCode, code, message (Chinese), field, line.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
}
