import { decodeDocument, decodeText } from '../parsing/decode';
import { DocumentParseError } from '../parsing/errors';
import type { SourceDocument } from '../parsing/source-document';
import { detectFormat } from './detect-format';

/** The largest file accepted (Word, PDF, a web page); the text read from it is limited to 2 MB as well. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Reads a document as a bureau receives it: .docx, .doc, a text PDF, a government site's web page,
 * or plain text (UTF-8, GBK, GB18030), told apart by content first and by name second.
 */
export async function readDocument(bytes: Buffer, fileName: string | null = null): Promise<SourceDocument> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw tooLarge(bytes.length);
  if (bytes.length === 0) throw new DocumentParseError('EMPTY_DOCUMENT', '文件为空：没有可以识别的文字内容。');
  // Each reader's libraries load when a file of its format first arrives: a process that never
  // reads a web page never pays for cheerio (seconds on a loaded machine).
  switch (await detectFormat(bytes, fileName)) {
    case 'docx':
      return (await import('./docx/read-docx')).readDocx(bytes);
    case 'doc':
      return (await import('./doc/read-doc')).readDoc(bytes);
    case 'pdf':
      return (await import('./pdf/read-pdf')).readPdf(bytes);
    case 'html': {
      const { text, encoding } = decodeText(bytes);
      return { ...(await import('./html/read-html')).readHtml(text), encoding };
    }
    case 'txt': {
      const { text, encoding } = decodeDocument(bytes);
      return { format: 'txt', encoding, text, places: null, linesAreParagraphs: false };
    }
  }
}

function tooLarge(bytes: number): DocumentParseError {
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  return new DocumentParseError(
    'DOCUMENT_TOO_LARGE',
    `文件过大（约${megabytes} MB）：上传文件大小上限为20 MB（${MAX_UPLOAD_BYTES}字节），请只上传文件正文。`,
  );
}
