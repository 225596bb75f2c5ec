export const DOCUMENT_PARSE_ERROR_CODES = [
  'EMPTY_DOCUMENT',
  'DOCUMENT_TOO_LARGE',
  'BINARY_CONTENT',
  'NO_MEASURES',
  'UNSUPPORTED_FORMAT',
  'ENCRYPTED_DOCUMENT',
  'CORRUPT_DOCUMENT',
  'SCANNED_PDF',
  'UNSAFE_ARCHIVE',
  'SCRIPT_CONTENT',
] as const;
export type DocumentParseErrorCode = (typeof DOCUMENT_PARSE_ERROR_CODES)[number];

/** A document the parser cannot use; the message is shown to bureaus, so it is in Chinese. */
export class DocumentParseError extends Error {
  constructor(
    readonly code: DocumentParseErrorCode,
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'DocumentParseError';
  }
}
