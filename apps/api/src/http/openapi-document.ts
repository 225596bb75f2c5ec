import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from '../app.module';

/** The engine's OpenAPI document, as /docs-json serves it and `npm run openapi` writes it. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('督查督办 supervision engine')
    .setDescription(
      'Policy documents in, supervised work out. Errors share one shape: statusCode, code, message (Chinese), field, line.',
    )
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
    .addServer('/', 'This engine')
    .addBearerAuth()
    .build();
  // Operation ids are the controller methods' names, which name the operation (listTasks, actOnTask).
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controller, method) => method,
  });
  markPublicOperations(document);
  return document;
}

/** Operations without a bearer requirement (login, health) say so with an empty security list. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = pathItem[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
}

/**
 * The document from the modules alone: preview mode builds the module graph without instantiating providers,
 * so no database or Redis is needed (`npm run openapi`, and the test that lints it).
 */
export async function createOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
