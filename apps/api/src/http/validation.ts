import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '@app/common';

function firstFault(errors: ValidationError[], prefix = ''): { field: string; constraint: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraint = Object.values(error.constraints ?? {})[0];
    if (constraint) return { field, constraint };
    const nested = firstFault(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** class-validator on every body and query, unknown fields refused, failures in the one error shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fault = firstFault(errors);
      return new DomainError(
        'invalid',
        'VALIDATION_FAILED',
        `字段 ${fault?.field ?? '?'} 不符合要求：${fault?.constraint ?? '格式不正确'}`,
        { field: fault?.field },
      );
    },
  });
}
