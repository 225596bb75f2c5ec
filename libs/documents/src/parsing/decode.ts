import * as iconv from 'iconv-lite';
import { DocumentParseError } from './errors';

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

export interface DecodedDocument {
  text: string;
  encoding: 'utf-8' | 'gbk';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const REPLACEMENT = '\uFFFD';

/** UTF-8 (with or without BOM) when the bytes are UTF-8, else GBK; rejects empty, oversized and binary input. */
export function decodeDocument(bytes: Buffer): DecodedDocument {
  assertSize(bytes.length);
  return decodeText(bytes);
}

/** As decodeDocument, for text that is not the document itself (a web page around it): no size limit here. */
export function decodeText(bytes: Buffer): DecodedDocument {
  if (bytes.length === 0) throw emptyDocument();
  if (bytes.includes(0)) throw binaryContent();
  const hasBom = UTF8_BOM.every((byte, i) => bytes[i] === byte);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const decoded = hasBom ? { text: decodeUtf8(body), encoding: 'utf-8' as const } : decodeUnknown(body);
  assertPlausibleText(decoded.text);
  return decoded;
}

/** The checks a document given as a string must pass too: size, blank, binary. */
export function assertPlausibleText(text: string): void {
  assertSize(Buffer.byteLength(text, 'utf8'));
  if (text.trim().length === 0) throw emptyDocument();
  if (text.includes('\0') || countControlChars(text) > Math.max(8, text.length * 0.005)) throw binaryContent();
}

function decodeUnknown(bytes: Buffer): DecodedDocument {
  const strict = tryStrictUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8' };
  // A UTF-8 file with a stray bad byte (say, cut off mid-character) is still UTF-8, not GBK.
  const lenient = decodeUtf8(bytes);
  if (countOf(lenient, REPLACEMENT) <= Math.max(1, lenient.length * 0.001)) {
    return { text: lenient, encoding: 'utf-8' };
  }
  // GB18030 is GBK's superset: the same text for GBK bytes, and the rarer characters besides.
  const gbk = iconv.decode(bytes, 'gb18030');
  if (countOf(gbk, REPLACEMENT) > Math.max(2, gbk.length * 0.01)) throw binaryContent();
  return { text: gbk, encoding: 'gbk' };
}

function tryStrictUtf8(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf8(bytes: Buffer): string {
  return new TextDecoder('utf-8').decode(bytes);
}

function assertSize(byteLength: number): void {
  if (byteLength <= MAX_DOCUMENT_BYTES) return;
  const megabytes = (byteLength / 1024 / 1024).toFixed(1);
  throw new DocumentParseError(
    'DOCUMENT_TOO_LARGE',
    `文件过大（约${megabytes} MB）：文件大小上限为2 MB（${MAX_DOCUMENT_BYTES}字节），请只上传文件正文。`,
  );
}

function countControlChars(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isControl = code < 0x20 || code === 0x7f;
    const isLayout = code === 0x09 || code === 0x0a || code === 0x0b || code === 0x0c || code === 0x0d;
    if (isControl && !isLayout) count++;
  }
  return count;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

function emptyDocument(): DocumentParseError {
  return new DocumentParseError('EMPTY_DOCUMENT', '文件为空：没有可以识别的文字内容。');
}

function binaryContent(): DocumentParseError {
  return new DocumentParseError(
    'BINARY_CONTENT',
    '文件不是可识别的文本：含有二进制内容或无法按UTF-8/GBK解码，请另存为纯文本（.txt）后重新上传。',
  );
}
