import { UnitDirectory } from '@app/units';
import { DocumentParseError, DocumentParseErrorCode, MAX_DOCUMENT_BYTES, parseDocument } from './index';

const resolver = UnitDirectory.fromData({ units: [], groups: [], placeholders: [] });

function failure(input: Buffer | string): DocumentParseError {
  try {
    parseDocument(input, { resolver, asOf: '2022-07-01' });
  } catch (error) {
    if (error instanceof DocumentParseError) return error;
    throw error;
  }
  throw new Error('expected a DocumentParseError');
}

describe('parseDocument errors', () => {
  it.each<[string, Buffer | string, DocumentParseErrorCode]>([
    ['an empty buffer', Buffer.alloc(0), 'EMPTY_DOCUMENT'],
    ['an empty string', '', 'EMPTY_DOCUMENT'],
    ['blank text', '\n\u3000\u3000\n   \n', 'EMPTY_DOCUMENT'],
    ['page numbers only', '- 1 -\n\n- 2 -\n', 'EMPTY_DOCUMENT'],
    ['a binary buffer', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'BINARY_CONTENT'],
    ['a string with NUL characters', '一、任务\u0000\u0000', 'BINARY_CONTENT'],
    ['an oversized buffer', Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61), 'DOCUMENT_TOO_LARGE'],
    ['an oversized string', '、'.repeat(1_000_000), 'DOCUMENT_TOO_LARGE'],
    ['prose with no measure', '关于做好春节期间值班工作的通知\n各单位要认真做好值班工作，确保平安。', 'NO_MEASURES'],
    ['only a context section', '一、总体要求\n坚持稳中求进，推动高质量发展。', 'NO_MEASURES'],
  ])('rejects %s', (_name, input, code) => {
    expect(failure(input).code).toBe(code);
  });

  it('explains in Chinese that no measure was recognised', () => {
    const error = failure('普通文字，没有编号。');
    expect(error.message).toContain('未识别到任何措施');
    expect(error.name).toBe('DocumentParseError');
    expect(error).toBeInstanceOf(Error);
  });

  it('refuses an asOf that is not a date, as a caller error', () => {
    expect(() => parseDocument('一、任务\n1.做事.', { resolver, asOf: '2022/07/01' })).toThrow(RangeError);
  });
});
