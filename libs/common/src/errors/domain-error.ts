/**
 * An error a user can act on. `kind` says which rule was broken (the API maps it to 400/403/404/409),
 * `code` names it for machines, `message` tells bureaus in Chinese, `field`/`line` point at the fault.
 */
export type DomainErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_many' | 'unavailable';

export interface DomainErrorDetails {
  field?: string;
  line?: number | null;
  /** For `too_many`: when the caller may try again (the API's Retry-After). */
  retryAfterSeconds?: number;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
