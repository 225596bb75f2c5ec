import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponse } from './error-response';

/** Error statuses an operation answers, each with the stable codes it can carry. */
export type ErrorCodes = Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503, string[]>>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad input',
  401: 'Not logged in, or the token expired',
  403: 'The role or unit may not do this',
  404: 'Not found, or not visible to the unit',
  409: 'The state of the data forbids it',
  413: 'Too large',
  415: 'Unsupported content type',
  429: 'Too many requests',
  503: 'A service the engine needs is away',
};

/** Every route behind the token guard can be refused for the token itself. */
const TOKEN_ERRORS: ErrorCodes = { 401: ['TOKEN_MISSING', 'TOKEN_INVALID'] };

/**
 * Documents an operation's error responses: the one ErrorResponse shape with `code` narrowed to the codes
 * each status can carry. Routes behind the token guard also get 401; `public` routes do not.
 */
export function ApiErrors(errors: ErrorCodes, options: { public?: boolean } = {}): MethodDecorator {
  const all: ErrorCodes = { ...(options.public ? {} : TOKEN_ERRORS), ...errors };
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ...Object.entries(all).map(([status, codes]) =>
      ApiResponse({
        status: Number(status),
        description: `${STATUS_TEXT[Number(status)]}: ${codes.join(', ')}`,
        schema: {
          allOf: [
            { $ref: getSchemaPath(ErrorResponse) },
            { type: 'object', properties: { code: { type: 'string', enum: codes } } },
          ],
        },
      }),
    ),
  );
}
