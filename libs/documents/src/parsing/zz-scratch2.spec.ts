import { loadSeedUnitDirectory } from '@app/units';
import { parseDocument } from './index';

const resolver = loadSeedUnitDirectory();
const cases: [string, string][] = [
  ['million 、', '、'.repeat(1_000_000)],
  ['600k 、', '、'.repeat(600_000)],
  ['digits', '1'.repeat(1_900_000)],
  ['spaces', 'a' + ' '.repeat(1_900_000) + 'b'],
  ['colons', '1.' + ':'.repeat(1_900_000)],
  ['clause repeat', '一、任务\n' + '(责任单位:'.repeat(100_000)],
  ['clause lines', '一、任务\n' + '1.做事.(责任单位:省文旅厅、省林草局)\n'.repeat(20_000)],
  ['items', '一、任务\n' + Array.from({ length: 150_000 }, (_, i) => `${(i % 99) + 1}.做`).join('\n')],
  ['parts', '一、任务\n'.repeat(200_000)],
  ['years', '到2025年'.repeat(250_000)],
  ['年', '年'.repeat(600_000)],
  ['quote', '《'.repeat(600_000)],
  ['headed', '一、任务\n' + '推进建设。以打通通道为重点。\n'.repeat(40_000)],
  ['numbers units', '一、任务\n1.做.' + '新建1-3个'.repeat(200_000)],
  ['table', '序号\t重点任务\t牵头单位\n' + '1\t做事\t省文旅厅\n'.repeat(100_000)],
  ['dots', '一、' + '.'.repeat(1_900_000)],
  ['toc', '目录\n' + '一、总体要求 ... 4\n'.repeat(80_000)],
  ['newlines', 'a\n'.repeat(1_000_000)],
  ['cjk', '山'.repeat(600_000)],
  ['paren nest', '一、任务\n1.做(' + '('.repeat(500_000)],
  ['labels', '一、任务\n1.做\n' + '责任单位:'.repeat(200_000)],
  ['completion', '一、任务\n1.做\n' + '完成时限:'.repeat(200_000)],
];
it.each(cases)('%s', (_name, text) => {
  const started = Date.now();
  let outcome = 'ok';
  try {
    const r = parseDocument(text, { resolver, asOf: '2022-07-01' });
    outcome = `measures ${r.measures.length}`;
  } catch (error) {
    outcome = (error as Error).name + ' ' + (error as { code?: string }).code;
  }
  console.log(_name, Date.now() - started, 'ms', outcome);
});
