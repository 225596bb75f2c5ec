export { DocumentParseError, DOCUMENT_PARSE_ERROR_CODES } from './errors';
export type { DocumentParseErrorCode } from './errors';
export { MAX_DOCUMENT_BYTES, decodeDocument } from './decode';
export type { DecodedDocument } from './decode';
export { parseDocument } from './parse-document';
export type { ParseOptions } from './parse-document';
export * from './parse-result.types';
export { describePlace, SOURCE_FORMATS } from './source-document';
export type { SourceDocument, SourceFormat, SourcePlace } from './source-document';
