export { MAX_UPLOAD_BYTES, readDocument } from './read-document';
export { layoutPdf } from './pdf/read-pdf';
export type { PdfItem } from './pdf/pdf-worker';
