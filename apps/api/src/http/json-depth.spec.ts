import { jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['{}', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['{"text":"[[[[{{{{"}', 1],
    ['{"text":"a \\" [[["}', 1],
    ['[[[]],[[[]]]]', 4],
  ])('%s is %i deep', (text, depth) => {
    expect(jsonDepth(Buffer.from(text))).toBe(depth);
  });

  it('stops counting once past the limit', () => {
    expect(jsonDepth(Buffer.from('['.repeat(1_000_000)), 32)).toBe(33);
  });
});
