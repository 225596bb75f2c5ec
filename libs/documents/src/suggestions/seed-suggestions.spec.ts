import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHalfwidth } from '@app/common';
import { MeasureSimilarityIndex } from './measure-similarity-index';
import type { SuggestionQuery, SuggestionSourceMeasure } from './suggestion.types';

/*
 * Until the parser exists, a small local extraction stands in for it: the 2022 action plan's
 * measures with their (责任单位:…) clauses, unit names used as codes, and the 2021 plan's
 * headed paragraphs, which name no units.
 */
const SEEDS = join(__dirname, '../../../../seeds');
const LABEL_2022 = '晋政办发〔2022〕45号';
const PART = /^([一二三四五六七八九十]+)、/;
const SUBSECTION = /^\(([一二三四五六七八九十]+)\)(.*)$/;
const ITEM = /^(\d+)\.(.*)$/;
const UNITS_CLAUSE = /\(责任单位:([^)]*)\)/;
const PLACEHOLDERS = new Set(['各相关部门', '各有关部门', '按职责分工负责']);

interface Block {
  path: string;
  heading: string | null;
  lines: string[];
}

function seedLines(file: string): string[] {
  return toHalfwidth(readFileSync(join(SEEDS, file), 'utf8'))
    .split('\n')
    .map((line) => line.trim());
}

function actionPlanMeasures(): SuggestionSourceMeasure[] {
  const blocks: Block[] = [];
  let part = '';
  let subsection = '';
  for (const line of seedLines('shanxi-consumer-services-action-plan-2022.txt')) {
    const partMatch = PART.exec(line);
    const subsectionMatch = SUBSECTION.exec(line);
    const itemMatch = ITEM.exec(line);
    if (partMatch) [part, subsection] = [partMatch[1], ''];
    else if (subsectionMatch) {
      subsection = subsectionMatch[1];
      blocks.push({ path: `${part}.(${subsection})`, heading: subsectionMatch[2], lines: [] });
    } else if (itemMatch) blocks.push({ path: `${part}.(${subsection}).${itemMatch[1]}`, heading: null, lines: [itemMatch[2]] });
    else blocks.at(-1)?.lines.push(line);
  }
  return blocks.flatMap((block) => {
    const measure = toSourceMeasure(block);
    return measure ? [measure] : [];
  });
}

function toSourceMeasure(block: Block): SuggestionSourceMeasure | null {
  const body = block.lines.join('').replace(/\s+/gu, '');
  const clause = UNITS_CLAUSE.exec(body);
  if (!clause) return null;
  const units = clause[1].split(/[、,]/u).filter((name) => name && !PLACEHOLDERS.has(name));
  if (units.length === 0) return null;
  const before = body.slice(0, clause.index);
  const titleEnd = block.heading === null ? before.indexOf('.') : -1;
  return {
    measureId: `2022:${block.path}`,
    documentLabel: LABEL_2022,
    path: block.path,
    title: block.heading ?? before.slice(0, titleEnd),
    text: block.heading === null ? before.slice(titleEnd + 1) : before,
    leadUnitCode: units[0],
    coUnitCodes: units.slice(1),
  };
}

const HEADED_PARAGRAPH = /^([^，。]{2,30})。(.+)$/u;
const PARTS_WITH_MEASURES = new Set(['三', '四', '五']);

function planParagraphs(): SuggestionQuery[] {
  let part = '';
  const paragraphs: SuggestionQuery[] = [];
  for (const line of seedLines('shanxi-modern-services-plan-2021.txt')) {
    part = PART.exec(line)?.[1] ?? part;
    const headed = HEADED_PARAGRAPH.exec(line);
    if (headed && PARTS_WITH_MEASURES.has(part)) paragraphs.push({ title: headed[1], text: headed[2] });
  }
  return paragraphs;
}

describe('unit suggestions on the seed documents', () => {
  const sources = actionPlanMeasures();
  const paragraphs = planParagraphs();
  const index = new MeasureSimilarityIndex(sources);
  const suggestionsFor = (title: string, limit?: number) => {
    const query = paragraphs.find((candidate) => candidate.title === title);
    if (!query) throw new Error(`the 2021 plan has no paragraph ${title}`);
    return index.suggestUnits(query, { limit });
  };

  it('reads the measures that name units and the paragraphs that do not', () => {
    // 46 measures carry a clause; 五.(一) names only 各相关部门, which is no unit.
    expect(sources).toHaveLength(45);
    expect(paragraphs.length).toBeGreaterThan(60);
  });

  it('suggests 省体育局 first for 大力发展体育赛事, from the 2022 measure of the same name', () => {
    const [top] = suggestionsFor('大力发展体育赛事');
    expect(top).toMatchObject({ unitCode: '省体育局', role: 'lead' });
    expect(top.evidence[0]).toMatchObject({ documentLabel: LABEL_2022, path: '二.(三).2', title: '大力发展体育赛事' });
  });

  it('suggests 省民政厅 among the top three for 加快完善养老服务体系', () => {
    const top = suggestionsFor('加快完善养老服务体系', 3);
    expect(top.map((suggestion) => suggestion.unitCode)).toContain('省民政厅');
  });

  it.each([
    ['积极培育消费热点', '省商务厅'],
    ['增加家庭服务有效供给', '省商务厅'],
    ['扩大普惠托育服务有效供给', '省发展改革委'],
    ['建设全国重要康养目的地', '省民政厅'],
  ])('suggests the lead of the reworded 2022 measure for %s', (title, lead) => {
    expect(suggestionsFor(title)[0]).toMatchObject({ unitCode: lead, role: 'lead' });
  });

  it('suggests nothing for a paragraph the action plan does not cover', () => {
    expect(suggestionsFor('推进物流通道建设')).toEqual([]);
  });
});
