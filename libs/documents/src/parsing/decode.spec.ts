import * as iconv from 'iconv-lite';
import { decodeDocument, DocumentParseError, DocumentParseErrorCode, MAX_DOCUMENT_BYTES } from './index';

const SAMPLE = '晋政办发〔２０２２〕４５号\n一、总体要求（责任单位：省文旅厅）\n';

function codeOf(run: () => unknown): DocumentParseErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof DocumentParseError) return error.code;
    throw error;
  }
}

describe('decodeDocument', () => {
  it.each([
    ['UTF-8', Buffer.from(SAMPLE, 'utf8'), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), 'utf-8'],
    ['GBK', iconv.encode(SAMPLE, 'gbk'), 'gbk'],
  ])('decodes %s', (_name, bytes, encoding) => {
    expect(decodeDocument(bytes)).toEqual({ text: SAMPLE, encoding });
  });

  it('keeps UTF-8 with one damaged byte as UTF-8 rather than reading it as GBK', () => {
    const bytes = Buffer.concat([Buffer.from(SAMPLE.repeat(20), 'utf8'), Buffer.from([0xe5, 0x8f])]);
    const decoded = decodeDocument(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith(SAMPLE)).toBe(true);
  });

  it.each<[string, Buffer, DocumentParseErrorCode]>([
    ['no bytes', Buffer.alloc(0), 'EMPTY_DOCUMENT'],
    ['only white space', Buffer.from(' \n\u3000\r\n\t', 'utf8'), 'EMPTY_DOCUMENT'],
    ['NUL bytes (a binary file)', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x41]), 'BINARY_CONTENT'],
    ['UTF-16 text (NUL bytes)', Buffer.from('一、总体要求', 'utf16le'), 'BINARY_CONTENT'],
    [
      'many control characters',
      Buffer.from('一、任务'.repeat(5) + '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f', 'utf8'),
      'BINARY_CONTENT',
    ],
    [
      'bytes neither UTF-8 nor GBK',
      Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 0x81 : 0x20))),
      'BINARY_CONTENT',
    ],
    ['one byte over the limit', Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61), 'DOCUMENT_TOO_LARGE'],
  ])('rejects %s', (_name, bytes, code) => {
    expect(codeOf(() => decodeDocument(bytes))).toBe(code);
  });

  it('accepts a file of exactly the limit', () => {
    expect(decodeDocument(Buffer.alloc(MAX_DOCUMENT_BYTES, 0x61)).text).toHaveLength(MAX_DOCUMENT_BYTES);
  });

  it('states the limit, in Chinese, when a file is too large', () => {
    expect(() => decodeDocument(Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61))).toThrow(/上限为2 MB/u);
  });
});
