import { ApiResponse } from '@nestjs/swagger';

/** A success response whose body is a file in one of these media types. */
export function ApiFileResponse(mediaTypes: readonly string[], description: string): MethodDecorator {
  const binary = { schema: { type: 'string', format: 'binary' } };
  return ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, binary])),
  });
}
