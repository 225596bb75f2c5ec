import { readFileSync, writeFileSync } from 'node:fs';
import { loadSeedUnitDirectory } from '@app/units';
import { parseDocument } from './index';

it('scratch', () => {
  for (const file of (process.env.SCRATCH ?? '').split(',')) {
    if (!file) continue;
    const r = parseDocument(readFileSync(file), { resolver: loadSeedUnitDirectory(), asOf: '2022-07-01' });
    const out: string[] = [];
    out.push(JSON.stringify(r.document) + ' ' + r.encoding + ' ' + r.measures.length);
    for (const m of r.measures) out.push([m.line, m.path, m.title, '|', m.units.raw, m.units.needsAssignment, m.deadline.date, m.deadline.source, JSON.stringify(m.targets.map((t) => [t.comparator, t.value ?? `${t.min}-${t.max}`, t.unit, t.subject]))].join(' '));
    for (const d of r.diagnostics) if (d.code !== 'NO_UNITS') out.push(JSON.stringify(d));
    writeFileSync('/tmp/scratch/' + file.split('/').pop() + '.out', out.join('\n'));
  }
});
