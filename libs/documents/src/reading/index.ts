export { MAX_UPLOAD_BYTES, readDocument } from './read-document';
export { layoutPdf } from './pdf/read-pdf';
export { extractPdfItems } from './pdf/pdf-worker';
export type { PdfItem } from './pdf/pdf-worker';
