import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedUnitDirectory } from '@app/units';
import { parseDocument, type ParsedMeasure } from '../parsing';
import { MeasureSimilarityIndex } from './measure-similarity-index';
import type { SuggestionQuery, SuggestionSourceMeasure } from './suggestion.types';

const SEEDS = join(__dirname, '../../../../seeds');
const ACTION_PLAN = { file: 'shanxi-consumer-services-action-plan-2022.txt', asOf: '2022-06-02' };
const PLAN = { file: 'shanxi-modern-services-plan-2021.txt', asOf: '2021-06-29' };
const directory = loadSeedUnitDirectory();

function parseSeed({ file, asOf }: { file: string; asOf: string }) {
  return parseDocument(readFileSync(join(SEEDS, file)), { resolver: directory, asOf });
}

function unitCode(name: string): string {
  const [unit] = directory.resolve(name, ACTION_PLAN.asOf).units;
  if (!unit) throw new Error(`the unit directory has no ${name}`);
  return unit.code;
}

/** A measure that names a single lead unit and needs no supervisor becomes a source; groups expand to their members. */
function toSource(measure: ParsedMeasure, documentLabel: string): SuggestionSourceMeasure[] {
  const [lead, ...rest] = measure.units.resolved;
  if (measure.units.needsAssignment || lead?.kind !== 'unit') return [];
  const leadUnitCode = lead.units[0].code;
  const coUnitCodes = [...new Set(rest.flatMap((resolution) => resolution.units.map((unit) => unit.code)))];
  const { path, title, text } = measure;
  return [{ measureId: `${documentLabel}:${path}`, documentLabel, path, title, text, leadUnitCode, coUnitCodes }];
}

describe('unit suggestions on the seed documents', () => {
  const actionPlan = parseSeed(ACTION_PLAN);
  const label = actionPlan.document.docNumber ?? ACTION_PLAN.file;
  const sources = actionPlan.measures.flatMap((measure) => toSource(measure, label));
  const unassigned = parseSeed(PLAN).measures.filter((measure) => measure.units.needsAssignment);
  const index = new MeasureSimilarityIndex(sources);
  const suggestionsFor = (title: string, limit?: number) => {
    const query: SuggestionQuery | undefined = unassigned.find((measure) => measure.title === title);
    if (!query) throw new Error(`the 2021 plan has no unassigned measure ${title}`);
    return index.suggestUnits(query, { limit });
  };

  it('draws on the action plan measures that name their units', () => {
    // 46 measures carry a clause; 五.(一), 五.(二) and 五.(四) name 各相关部门 and wait for a supervisor.
    expect(label).toBe('晋政办发〔2022〕45号');
    expect(sources).toHaveLength(43);
    expect(unassigned.length).toBeGreaterThan(60);
  });

  it('suggests 省体育局 first for 大力发展体育赛事, from the 2022 measure of the same name', () => {
    const [top] = suggestionsFor('大力发展体育赛事');
    expect(top).toMatchObject({ unitCode: unitCode('省体育局'), role: 'lead' });
    expect(top.evidence[0]).toMatchObject({ documentLabel: label, path: '二.(三).2', title: '大力发展体育赛事' });
  });

  it('suggests 省民政厅 among the top three for 加快完善养老服务体系', () => {
    const top = suggestionsFor('加快完善养老服务体系', 3);
    expect(top.map((suggestion) => suggestion.unitCode)).toContain(unitCode('省民政厅'));
  });

  it.each([
    ['积极培育消费热点', '省商务厅'],
    ['增加家庭服务有效供给', '省商务厅'],
    ['扩大普惠托育服务有效供给', '省发展改革委'],
    ['建设全国重要康养目的地', '省民政厅'],
  ])('suggests the lead of the reworded 2022 measure for %s', (title, lead) => {
    expect(suggestionsFor(title)[0]).toMatchObject({ unitCode: unitCode(lead), role: 'lead' });
  });

  it('suggests nothing for a measure the action plan does not cover', () => {
    expect(suggestionsFor('推进物流通道建设')).toEqual([]);
  });
});
