import { readFileSync } from 'node:fs';
import { loadSeedUnitDirectory } from '@app/units';
import { parseDocument } from '../parsing';
import { readDocument } from './read-document';

it('scratch', async () => {
  for (const f of ['/tmp/p16/x.pdf', '/tmp/p16/x.docx', '/tmp/p16/x.doc']) {
    const t = Date.now();
    const source = await readDocument(readFileSync(f), f);
    const r = parseDocument(source, { resolver: loadSeedUnitDirectory(), asOf: '2022-07-01' });
    console.log(f, Date.now() - t, source.text.slice(0, 300), JSON.stringify(r.measures.map((m) => [m.path, m.title, m.units.lead, m.units.co, m.location.label])));
  }
});
