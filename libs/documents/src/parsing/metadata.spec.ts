import { toSourceLines } from './lines';
import { extractMetadata } from './metadata';
import { explicitPeriod, fiveYearPlanPeriod } from './plan-period';

function metadataOf(text: string) {
  return extractMetadata(toSourceLines(text), null).document;
}

describe('extractMetadata', () => {
  it('reads a wrapper title broken across lines, the number and the signature', () => {
    const text =
      '山西省人民政府办公厅文件\n晋政办发〔２０２２〕４５号\n关于印发山西省生活性服务业发展\n\n行动方案的通知\n各市:\n山西省人民政府办公厅\n２０２２年６月２日';
    expect(metadataOf(text)).toEqual({
      docNumber: '晋政办发〔2022〕45号',
      title: '山西省生活性服务业发展行动方案',
      issuer: '山西省人民政府办公厅',
      issuedOn: '2022-06-02',
      planPeriod: null,
    });
  });

  it.each([
    ['晋政发[2021]21号', '晋政发〔2021〕21号'],
    ['晋政办发(2023)7号', '晋政办发〔2023〕7号'],
    ['晋政办发【2023】07号', '晋政办发〔2023〕7号'],
  ])('normalises the brackets of %s', (line, expected) => {
    expect(metadataOf(`${line}\n山西省某方案`).docNumber).toBe(expected);
  });

  it('prefers the number on a line of its own to one cited in the text', () => {
    expect(metadataOf('根据《意见》(国办发〔2021〕42号)精神\n晋政办发〔2022〕1号').docNumber).toBe(
      '晋政办发〔2022〕1号',
    );
  });

  it('reads a date in Chinese numerals and the issuer on the same line', () => {
    const result = metadataOf('山西省某某工作方案\n山西省商务厅 二〇二三年十月九日');
    expect(result).toMatchObject({ title: '山西省某某工作方案', issuer: '山西省商务厅', issuedOn: '2023-10-09' });
  });

  it('falls back on the printing date and the masthead', () => {
    const lines = toSourceLines(
      '山西省人民政府办公厅文件\n某某方案\n一、任务\n1.做事.\n山西省人民政府办公厅 2021年7月2日印发',
    );
    expect(extractMetadata(lines, 3).document).toMatchObject({
      issuer: '山西省人民政府办公厅',
      issuedOn: '2021-07-02',
    });
  });

  it('takes the period from 十四五 in the title', () => {
    expect(metadataOf('关于印发山西省“十四五”现代服务业发展规划的通知').planPeriod).toEqual({
      startYear: 2021,
      endYear: 2025,
    });
  });
});

describe('plan periods', () => {
  it.each([
    ['规划期为2021-2025年。', 2021, 2025],
    ['(2022—2025年)', 2022, 2025],
    ['2023年—2027年', 2023, 2027],
    ['2021——2025年', 2021, 2025],
    ['2021至2023年', 2021, 2023],
  ])('reads %s', (text, startYear, endYear) => {
    expect(explicitPeriod(text)).toMatchObject({ startYear, endYear });
  });

  it.each([['2025-2021年'], ['1900-2050年'], ['到2025年']])('rejects %s', (text) => {
    expect(explicitPeriod(text)).toBeNull();
  });

  it.each([
    ['山西省“十三五”规划', 2016, 2020],
    ['山西省“十四五”规划', 2021, 2025],
    ['十五五', 2026, 2030],
  ])('reads the five-year plan in %s', (title, startYear, endYear) => {
    expect(fiveYearPlanPeriod(title)).toMatchObject({ startYear, endYear });
  });
});
