import { characterBigrams } from './bigrams';

describe('characterBigrams', () => {
  it.each([
    ['推进物流', ['推进', '进物', '物流']],
    ['城\n市 公园', ['城市', '市公', '公园']],
    ['养老、托育', ['养老', '托育']],
    ['(责任单位:省文旅厅)', ['责任', '任单', '单位', '省文', '文旅', '旅厅']],
    ['国家５A级', ['国家', '家#', '#a', 'a级']],
    ['到２０ ２５年', ['到#', '#年']],
    ['增长1.5倍', ['增长', '长#', '#倍']],
    ['5.实施计划', ['实施', '施计', '计划']],
    ['RCEP市场', ['rc', 'ce', 'ep', 'p市', '市场']],
    ['', []],
    ['。，', []],
  ])('pairs %j', (text, expected) => {
    expect(characterBigrams(text)).toEqual(expected);
  });

  it('keeps a character outside the BMP inside its run', () => {
    expect(characterBigrams('山\u{20000}西')).toHaveLength(3);
  });

  it('treats every number alike, in either width', () => {
    expect(characterBigrams('建设５０个示范点')).toEqual(characterBigrams('建设1.5个示范点'));
  });
});
