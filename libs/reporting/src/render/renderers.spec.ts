import { Workbook, Worksheet } from 'exceljs';
// JSZip comes with exceljs; the tests use it only to look inside the .docx package.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ReportFigures } from '../figures/report-figures';
import { overdueItem, sampleFigures } from './__fixtures__/sample-figures';
import {
  DOCX_OVERDUE_LIMIT,
  HIGHLIGHT_RULE,
  TITLE_CHARACTERS_PER_LINE,
  renderCompletionChart,
  renderDocx,
  renderJson,
  renderXlsx,
  selectHighlights,
  titleLines,
} from './index';
import { SECTION_HEADINGS } from './report-labels';

const PNG_SIGNATURE = '89504e470d0a1a0a';

function pngHeight(png: Buffer): number {
  return png.readUInt32BE(20);
}

function withOverdue(count: number): ReportFigures {
  return { ...sampleFigures(), overdue: Array.from({ length: count }, (_, i) => overdueItem(i + 1)) };
}

async function docxText(figures: ReportFigures): Promise<string> {
  const docx = await renderDocx(figures, renderCompletionChart(figures.units));
  return (await mammoth.extractRawText({ buffer: docx })).value;
}

async function loadWorkbook(xlsx: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  // exceljs types its input as an ArrayBuffer; a copy into a fresh one satisfies them.
  await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
  return workbook;
}

function sheet(workbook: Workbook, name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The row whose cell in `column` is `label`. */
function rowLabelled(worksheet: Worksheet, label: string, column = 1) {
  for (let r = 1; r <= worksheet.rowCount; r++) {
    if (worksheet.getRow(r).getCell(column).value === label) return worksheet.getRow(r);
  }
  throw new Error(`no row ${label}`);
}

describe('renderCompletionChart', () => {
  const units = sampleFigures().units;
  const many = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ ...units[i % 3], unitCode: `U${i}`, rank: i + 1 }));

  it('draws a PNG that grows with the number of units', () => {
    const three = renderCompletionChart(units);
    const ten = renderCompletionChart(many(10));
    expect(three.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    expect(pngHeight(ten)).toBeGreaterThan(pngHeight(three));
  });

  it('draws every ranked unit, the last ranked included, and leaves out the units not ranked', () => {
    expect(pngHeight(renderCompletionChart(many(60)))).toBeGreaterThan(pngHeight(renderCompletionChart(many(46))));
    const notRanked = { ...units[0], unitCode: 'U99', rank: null, rankingGroup: 'unranked' as const };
    expect(renderCompletionChart([...units, notRanked]).equals(renderCompletionChart(units))).toBe(true);
  });

  it('gives the same bytes for the same units', () => {
    expect(renderCompletionChart(units).equals(renderCompletionChart(units.map((unit) => ({ ...unit }))))).toBe(true);
  });

  it('still draws a valid PNG without units', () => {
    const empty = renderCompletionChart([]);
    expect(empty.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    expect(pngHeight(empty)).toBeGreaterThan(0);
  });
});

describe('renderDocx', () => {
  let text: string;
  let docx: Buffer;
  let chart: Buffer;

  beforeAll(async () => {
    const figures = sampleFigures();
    chart = renderCompletionChart(figures.units);
    docx = await renderDocx(figures, chart);
    text = (await mammoth.extractRawText({ buffer: docx })).value;
  });

  /** Each expected piece found after the one before it: present, and in this order. */
  function expectInOrder(body: string, pieces: readonly string[]): void {
    let from = 0;
    for (const piece of pieces) {
      const found = body.indexOf(piece, from);
      expect([piece, found >= 0]).toEqual([piece, true]);
      from = found + piece.length;
    }
  }

  it('has the sections of a 通报 in order: 红头, title, 主送, opening, four parts, 附件, 落款, attachments, 版记', () => {
    expectInOrder(text, [
      '督查通报',
      '第3期',
      '省委督查室\t2022年10月8日',
      '关于推动文化旅游高质量发展的',
      '（数据截至2022年9月30日）',
      '各市人民政府，省直各有关单位：',
      '为推动《关于推动文化旅游高质量发展的若干措施》（晋政办发〔2022〕15号）各项措施落地见效，现将2022年第三季度落实情况（数据截至2022年9月30日）通报如下。',
      SECTION_HEADINGS.overall,
      SECTION_HEADINGS.progress,
      SECTION_HEADINGS.problems,
      SECTION_HEADINGS.requirements,
      '附件：1．各单位任务完成情况',
      '2．逾期事项清单',
      '3．量化指标进展情况',
      '省委督查室\n\n2022年10月8日',
      '附件1\n\n各单位任务完成情况',
      '表1-1　省直单位任务完成情况',
      '表2　各部分任务完成情况',
      '附件2\n\n逾期事项清单',
      '表3　逾期事项清单',
      '附件3\n\n量化指标进展情况',
      '表4　量化指标进展情况',
      '抄送：省委办公厅，省政府办公厅。',
      '省委督查室秘书处\t2022年10月8日印发',
    ]);
    expect(text).not.toContain('本通报仅统计');
  });

  it('breaks the title between words, in lines that fit', async () => {
    const title = '关于推动文化旅游高质量发展的若干措施落实情况季度通报（2022年第三季度）';
    const lines = titleLines(title, TITLE_CHARACTERS_PER_LINE);
    expect(lines).toEqual(['关于推动文化旅游高质量发展的若干措施', '落实情况季度通报（2022年第三季度）']);
    // Printed as those lines: one line break between them, the title unbroken otherwise.
    const start = text.indexOf(lines[0]);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(lines[1], start) - start - lines[0].length).toBeLessThanOrEqual(1);
    const body = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(body).toMatch(
      new RegExp(
        `${lines[0]}</w:t></w:r><w:r><w:rPr>.*?</w:rPr><w:br/><w:t[^>]*>${lines[1].replace(/[()（）]/g, '.')}`,
      ),
    );
    expect(titleLines('山西省生活性服务业发展行动方案落实情况季度通报（2022年第三季度）', 20)).toEqual([
      '山西省生活性服务业发展行动方案',
      '落实情况季度通报（2022年第三季度）',
    ]);
    // A title whose words do not fit where a character count would cut them: 通报 stays whole.
    expect(titleLines('关于进一步加强和改进全省重点项目建设的实施意见落实情况季度通报（2022年第三季度）', 20)).toEqual([
      '关于进一步加强和改进全省重点项目建设的',
      '实施意见落实情况季度通报',
      '（2022年第三季度）',
    ]);
  });

  it('judges the quarter in 总体情况, naming the best and the lagging units, with the figures against the previous quarter', () => {
    const overall = text.slice(text.indexOf(SECTION_HEADINGS.overall), text.indexOf(SECTION_HEADINGS.progress));
    expect(overall).toContain('总体看，各项措施推进总体平稳，到期任务完成率80.0%，但仍有部分任务未按期完成。');
    expect(overall).toContain(
      '省直单位中，省文化和旅游厅到期任务完成率居前；省交通运输厅到期任务完成率靠后，进度相对滞后。',
    );
    expect(overall).toContain('任务完成率 40.0%，较上季度提高 10.0 个百分点');
    expect(overall).toContain('按时完成率 75.0%，较上季度降低 8.3 个百分点');
    expect(overall).toContain('已下达措施 10 项，较上季度增加 2 项');
    expect(overall).toContain('措施 12 项，与上季度持平');
    expect(overall).toContain('逾期任务 2 项，较上季度减少 2 项');
  });

  it('lists every unit with its rates in the first attachment', () => {
    const attachment = text.slice(text.indexOf('附件1\n'));
    for (const name of ['省文化和旅游厅', '省发展和改革委员会', '省交通运输厅']) expect(attachment).toContain(name);
    expect(attachment).toContain('66.7%');
  });

  it('names the units with overdue work, unacknowledged tasks and missing reports under 存在问题', () => {
    const found = text.slice(text.indexOf(SECTION_HEADINGS.problems), text.indexOf(SECTION_HEADINGS.requirements));
    expect(found).toContain(
      '（一）部分任务逾期未完成。省发展和改革委员会（1项，其中督办1项）、省交通运输厅（1项，其中挂牌督办1项）有逾期未完成任务，共2项。',
    );
    expect(found).toContain('（二）部分任务签收不及时。省交通运输厅（1项）仍有任务未签收；逾期签收任务共1项。');
    expect(found).toContain(
      '（三）部分单位未按期报送进展。省文化和旅游厅（1项）、省发展和改革委员会（1项）、省交通运输厅（1项）未按期报送季度进展情况，共3项。',
    );
  });

  it('asks for a report back within working days and states the escalation rule, without repeating the overdue table', () => {
    const asked = text.slice(text.indexOf(SECTION_HEADINGS.requirements), text.indexOf('附件：'));
    expect(asked).toContain('于本通报印发后10个工作日内（2022年10月24日前）将整改情况书面报送省委督查室');
    expect(asked).toContain('对逾期任务实行分级督办：逾期超过5个工作日的予以督办，逾期超过15个工作日的予以挂牌督办。');
    expect(asked).toContain('1项任务临近完成时限（涉及省文化和旅游厅）');
    expect(asked).toContain('尚有1项措施未分解下达（其中1项尚未明确责任单位）');
    expect(asked).not.toContain('完善旅游公路服务设施');
  });

  it('lists the overdue items with their unit, days and level in an attachment', () => {
    const attachment = text.slice(text.indexOf('附件2\n'));
    expect(attachment).toContain('共有逾期任务 2 项，其中挂牌督办 1 项、督办 1 项');
    expect(attachment).toMatch(/2\.1 完善旅游公路服务设施\s+省交通运输厅\s+牵头\s+2022-08-31\s+21\s+挂牌督办/);
  });

  it('lists indicators, with — where no actual has been reported', () => {
    expect(text).toContain('新建森林康养基地50个');
    expect(text).toMatch(/新建城市书房100个以上\s+100个\s+—\s+—\s+—/);
  });

  it('quotes progress by the stated rule, each excerpt marked with its quarter, long ones shortened', () => {
    const progress = text.slice(text.indexOf(SECTION_HEADINGS.progress), text.indexOf(SECTION_HEADINGS.problems));
    expect(progress).toContain(HIGHLIGHT_RULE);
    const first = progress.indexOf('（一）推动文旅产业高质量发展');
    const second = progress.indexOf('（二）提升公共文化服务水平');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(progress).toContain(
      '【省文化和旅游厅】建设一批文旅康养示范基地（2022年第二季度进展，完成 60%）：已完成首批30个',
    );
    expect(progress).toContain('（2022年第三季度进展，完成 20%）');
    const long = sampleFigures().excerpts[1].text;
    expect(progress).not.toContain(long);
    expect(progress).toContain(`${long.slice(0, 300)}…`);
  });

  it('picks one report per measure, the furthest along, and at most three per section', () => {
    const [first] = sampleFigures().excerpts;
    const excerpts = [
      { ...first, percentDone: 30, text: '旧进展' },
      { ...first, percentDone: 70, text: '最新进展' },
      ...[1, 2, 3, 4].map((n) => ({ ...first, measurePath: `1.${n + 5}`, percentDone: n * 10, text: `措施${n}进展` })),
    ];
    expect(selectHighlights(excerpts).map((excerpt) => excerpt.text)).toEqual(['最新进展', '措施4进展', '措施3进展']);
  });

  it('embeds the chart, repeats table headings and numbers the pages', async () => {
    const zip = await JSZip.loadAsync(docx);
    const media = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(1);
    expect((await zip.file(media[0])!.async('nodebuffer')).equals(chart)).toBe(true);
    const body = await zip.file('word/document.xml')!.async('string');
    // Units, sections, overdue items, indicators: each heading row repeats on every page.
    expect(body.match(/<w:tbl>/g)?.length).toBe(4);
    expect(body.match(/<w:tblHeader\/>/g)?.length).toBe(4);
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    const footer = await zip.file(footers[0])!.async('string');
    expect(footer).toMatch(/PAGE/);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:creator>省委督查室</dc:creator>');
    expect(core).toContain('落实情况季度通报（2022年第三季度）');
  });

  it('gives a unit its place in its group beside the group average, without a one-bar chart', async () => {
    const figures = sampleFigures();
    const own = figures.units.find((unit) => unit.unitCode === 'U03')!;
    const scoped: ReportFigures = {
      ...figures,
      units: [{ ...own, rank: 23, rankedInGroup: 46 }],
      scope: {
        unitCode: 'U03',
        unitName: '省交通运输厅',
        rankingGroup: 'provincial',
        groupAverage: { dueCompletionRate: 0.625, onTimeRate: 0.8 },
      },
    };
    const text = await docxText(scoped);
    expect(text).toContain('本通报仅统计省交通运输厅承担的任务');
    expect(text).toContain('省交通运输厅在省直单位中第23/46位');
    expectInOrder(text, [
      '督查通报',
      '（本通报仅统计省交通运输厅承担的任务）',
      '现将省交通运输厅承担任务的2022年第三季度落实情况',
      SECTION_HEADINGS.overall,
      '省交通运输厅在省直单位中第23/46位',
      SECTION_HEADINGS.progress,
      SECTION_HEADINGS.problems,
      SECTION_HEADINGS.requirements,
      '附件：1．本单位任务完成情况',
      '附件1\n\n本单位任务完成情况',
      '表1　本单位任务完成情况',
    ]);
    expect(text).toContain('（本组平均 62.5%）');
    const zip = await JSZip.loadAsync(await renderDocx(scoped, renderCompletionChart(scoped.units)));
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toEqual([]);
  });

  it('ranks units group by group, says 暂无到期任务 and 不排名 where it does not rank, and marks few-due units', async () => {
    const figures = sampleFigures();
    const [first, second, third] = figures.units;
    const text = await docxText({
      ...figures,
      units: [
        { ...first, rank: 1, rankedInGroup: 1, fewDueTasks: true },
        { ...second, rank: null, rankedInGroup: 1, due: 0, dueCompletionRate: null },
        { ...third, rankingGroup: 'unranked', rank: null, rankedInGroup: 0 },
      ],
    });
    expect(text).toContain('表1-1　省直单位任务完成情况');
    expect(text).toContain('表1-2　其他单位（不参与排名）任务完成情况');
    expect(text.indexOf('表1-1')).toBeLessThan(text.indexOf('暂无到期任务'));
    expect(text.indexOf('暂无到期任务')).toBeLessThan(text.indexOf('表1-2'));
    expect(text.indexOf('表1-2')).toBeLessThan(text.indexOf('不排名'));
    expect(text).toContain('1*');
    expect(text).toContain('排名后标*的单位到期任务较少');
  });

  it('says so when nothing is wrong, and leaves out the empty attachment', async () => {
    const figures = sampleFigures();
    const text = await docxText({
      ...figures,
      overdue: [],
      overall: { ...figures.overall, overdue: 0, lateAcknowledgements: 0, missingReports: 0 },
      units: figures.units.map((unit) => ({ ...unit, overdue: 0, missingReports: 0, acknowledged: unit.tasks })),
    });
    expect(text).toContain('本季度未发现逾期、未签收或未按期报送进展的情况。');
    expect(text).toContain('2．量化指标进展情况');
    expect(text).not.toContain('逾期事项清单');
  });

  it(`shows at most ${DOCX_OVERDUE_LIMIT} overdue items and points to the workbook for the rest`, async () => {
    const text = await docxText(withOverdue(DOCX_OVERDUE_LIMIT + 50));
    expect(text).toContain('其余 50 项详见 Excel 附表');
    expect(text).toContain(`第${DOCX_OVERDUE_LIMIT}项逾期措施`);
    expect(text).not.toContain(`第${DOCX_OVERDUE_LIMIT + 1}项逾期措施`);
  });

  it('prints no 抄送 line when the document names none', async () => {
    const figures = sampleFigures();
    const text = await docxText({ ...figures, bulletin: { ...figures.bulletin, copyTo: null } });
    expect(text).not.toContain('抄送');
    expect(text).toContain('省委督查室秘书处\t2022年10月8日印发');
  });

  it('refuses a chart that is not a PNG', async () => {
    await expect(renderDocx(sampleFigures(), Buffer.from('not an image'))).rejects.toThrow('PNG');
  });
});

describe('renderXlsx', () => {
  let workbook: Workbook;

  beforeAll(async () => {
    workbook = await loadWorkbook(await renderXlsx(sampleFigures()));
  });

  it('has one sheet per table, in order', () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      '总体情况',
      '各单位',
      '考核',
      '各部分',
      '逾期事项',
      '临期事项',
      '指标进展',
      '进展摘录',
      '未下达措施',
    ]);
  });

  it('freezes and filters the bold heading row of every sheet', () => {
    for (const worksheet of workbook.worksheets) {
      expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(worksheet.autoFilter).toBeDefined();
      expect(worksheet.getRow(1).getCell(1).font?.bold).toBe(true);
    }
  });

  it('writes the overall figures as numbers, rates as percentages, changes against the previous quarter', () => {
    const overall = sheet(workbook, '总体情况');
    const tasks = rowLabelled(overall, '任务');
    expect(tasks.getCell(2).value).toBe(20);
    const overdue = rowLabelled(overall, '逾期任务');
    expect(overdue.getCell(4).value).toBe(-2);
    const rate = rowLabelled(overall, '任务完成率');
    expect(rate.getCell(2).value).toBeCloseTo(0.4);
    expect(rate.getCell(2).numFmt).toBe('0.0%');
    expect(rate.getCell(3).value).toBeCloseTo(0.3);
    expect(rate.getCell(4).value).toBe(10);
  });

  it('puts the report header beside the overall table, with a real date', () => {
    const overall = sheet(workbook, '总体情况');
    const asOf = rowLabelled(overall, '数据截至', 6).getCell(7);
    expect(asOf.value).toEqual(new Date(Date.UTC(2022, 8, 30)));
    expect(asOf.numFmt).toBe('yyyy-mm-dd');
    expect(rowLabelled(overall, '通报', 6).getCell(7).value).toContain('落实情况季度通报（2022年第三季度）');
    expect(rowLabelled(overall, '统计范围', 6).getCell(7).value).toBe('全部单位');
  });

  it('writes unit rows in rank order with numeric counts and percent rates', () => {
    const units = sheet(workbook, '各单位');
    const first = units.getRow(2);
    expect(first.getCell(2).value).toBe(1);
    expect(first.getCell(1).value).toBe('省直单位');
    expect(first.getCell(3).value).toBe('省文化和旅游厅');
    const rateCell = units.getRow(3).getCell(16);
    expect(units.getRow(1).getCell(16).value).toBe('完成率');
    expect(units.getRow(1).getCell(17).value).toBe('到期任务完成率');
    expect(rateCell.value).toBeCloseTo(2 / 6);
    expect(rateCell.numFmt).toBe('0.0%');
    expect(typeof units.getRow(3).getCell(7).value).toBe('number');
  });

  it('scores each unit in the 考核 sheet, the weights in the headings, every part checkable by hand', () => {
    const scores = sheet(workbook, '考核');
    expect((scores.getRow(1).values as unknown[]).slice(1)).toEqual([
      '排名分组',
      '单位',
      '到期任务',
      '按时完成',
      '按时完成比例',
      '完成得分（40+60×比例）',
      '逾期签收',
      '扣分（每项2分）',
      '未报进展',
      '扣分（每项3分）',
      '督办',
      '扣分（每项5分）',
      '挂牌督办',
      '扣分（每项10分）',
      '考核得分',
      '单位代码',
    ]);
    // 省发展和改革委员会: 3 due, 1 on time: 40 + 60 / 3 = 60; − 2 (late acknowledgement) − 3 (report) − 5 (督办) = 50.
    // 省交通运输厅: 1 due, none on time: 40; − 3 (report) − 10 (挂牌督办) = 27.
    expect([2, 3, 4].map((row) => (scores.getRow(row).values as unknown[]).slice(2))).toEqual([
      ['省文化和旅游厅', 6, 5, 0.8333, 90, 0, 0, 1, 3, 0, 0, 0, 0, 87, 'U01'],
      ['省发展和改革委员会', 3, 1, 0.3333, 60, 1, 2, 1, 3, 1, 5, 0, 0, 50, 'U02'],
      ['省交通运输厅', 1, 0, 0, 40, 0, 0, 1, 3, 0, 0, 1, 10, 27, 'U03'],
    ]);
  });

  it('writes deadlines as dates and levels as words', () => {
    const overdue = sheet(workbook, '逾期事项');
    const deadline = overdue.getRow(3).getCell(7);
    expect(deadline.value).toEqual(new Date(Date.UTC(2022, 7, 31)));
    expect(deadline.numFmt).toBe('yyyy-mm-dd');
    expect(overdue.getRow(3).getCell(8).value).toBe(21);
    expect(overdue.getRow(3).getCell(9).value).toBe('挂牌督办');
    expect(overdue.getRow(2).getCell(9).value).toBe('督办');
  });

  it('leaves a missing actual empty rather than zero', () => {
    const indicators = sheet(workbook, '指标进展');
    expect(indicators.getRow(2).getCell(9).value).toBeCloseTo(0.6);
    expect(indicators.getRow(3).getCell(7).value).toBeNull();
    expect(indicators.getRow(3).getCell(9).value).toBeNull();
  });

  it('keeps excerpts whole, with Shanghai approval times', () => {
    const excerpts = sheet(workbook, '进展摘录');
    expect(excerpts.getRow(3).getCell(7).value).toBe(sampleFigures().excerpts[1].text);
    expect(excerpts.getRow(2).getCell(8).value).toEqual(new Date(Date.UTC(2022, 6, 8, 10, 30)));
  });

  it('prints every sheet on A4 landscape, one page wide, the heading row repeated, pages numbered', () => {
    for (const worksheet of workbook.worksheets) {
      expect([worksheet.name, worksheet.pageSetup]).toEqual([
        worksheet.name,
        expect.objectContaining({
          paperSize: 9,
          orientation: 'landscape',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: '1:1',
        }),
      ]);
      expect(worksheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    }
  });

  it('names units in the second column and keeps unit codes and task ids in the last ones', () => {
    const heading = (name: string) => (sheet(workbook, name).getRow(1).values as unknown[]).slice(1);
    expect(heading('各单位').slice(0, 3)).toEqual(['排名分组', '排名', '单位']);
    expect(heading('各单位').at(-1)).toBe('单位代码');
    expect(heading('逾期事项').slice(-2)).toEqual(['单位代码', '任务编号']);
    expect(heading('临期事项').slice(-2)).toEqual(['单位代码', '任务编号']);
    expect(heading('进展摘录').at(-1)).toBe('单位代码');
    expect(sheet(workbook, '逾期事项').getRow(2).getCell(5).alignment?.wrapText).toBe(true);
  });

  it('says 无 across an empty table instead of printing a bare heading', async () => {
    const empty = await loadWorkbook(await renderXlsx({ ...sampleFigures(), atRisk: [], notLaunched: [] }));
    for (const name of ['临期事项', '未下达措施']) {
      const table = sheet(empty, name);
      expect([name, table.getRow(2).getCell(1).value, table.rowCount]).toEqual([name, '无', 2]);
      expect(table.getRow(2).getCell(1).isMerged).toBe(true);
    }
    expect(sheet(empty, '逾期事项').getRow(2).getCell(1).value).toBe(1);
  });

  it('records who made it and when from the figures, not the clock', () => {
    expect(workbook.creator).toBe('省委督查室');
    expect(workbook.created).toEqual(new Date('2022-09-30T10:00:00.000Z'));
    expect(workbook.modified).toEqual(new Date('2022-09-30T10:00:00.000Z'));
  });

  it('lists every overdue item, with no cap', async () => {
    const count = DOCX_OVERDUE_LIMIT + 50;
    const overdue = sheet(await loadWorkbook(await renderXlsx(withOverdue(count))), '逾期事项');
    expect(overdue.rowCount).toBe(count + 1);
    expect(overdue.getRow(count + 1).getCell(1).value).toBe(count);
    expect(overdue.getRow(count + 1).getCell(4).value).toBe(`第${count}项逾期措施`);
  });
});

describe('renderJson', () => {
  it('writes the figures as pretty UTF-8 JSON ending in a newline', () => {
    const figures = sampleFigures();
    const json = renderJson(figures);
    expect(JSON.parse(json.toString('utf8'))).toEqual(figures);
    expect(json.toString('utf8').endsWith('}\n')).toBe(true);
    expect(json.includes(Buffer.from('省委督查室', 'utf8'))).toBe(true);
    expect(json.toString('utf8')).toContain('\n  "schema": "supervision-report/1"');
  });
});
