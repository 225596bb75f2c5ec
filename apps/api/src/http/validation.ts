import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, forbiddenCharacter } from '@app/common';

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

/** The first string inside `value` holding a character XML 1.0 forbids (NUL included), with its path. */
function firstForbiddenText(value: unknown, path: string): { field: string; character: string } | null {
  if (typeof value === 'string') {
    const character = forbiddenCharacter(value);
    return character ? { field: path, character } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const found = firstForbiddenText(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/**
 * The one text rule for every request: any string in a body, query or path parameter holding a
 * character XML 1.0 forbids is refused with 400 and the field, before a DTO sees it, so no free-text
 * field (present or future) can carry one into a report or the database.
 */
class TextCheckingValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const found = firstForbiddenText(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (found)
        throw new DomainError(
          'invalid',
          'FORBIDDEN_CHARACTER',
          `字段 ${found.field} 含有不允许的控制字符（${found.character}）`,
          { field: found.field },
        );
    }
    return super.transform(value, metadata);
  }
}

/** class-validator on every body and query, unknown fields refused, failures in the one error shape. */
export function createValidationPipe(): ValidationPipe {
  return new TextCheckingValidationPipe({
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
