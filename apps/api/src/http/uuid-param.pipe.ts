import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@app/common';

/** A path id that must be a UUID, refused in the one error shape naming the parameter. */
export function uuidParam(name = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new DomainError('invalid', 'INVALID_ID', `路径参数 ${name} 须为 UUID`, { field: name }),
  });
}
