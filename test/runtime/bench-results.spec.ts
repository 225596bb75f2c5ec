import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface StoredFigure {
  id?: unknown;
  name: string;
}

describe('bench/results.json', () => {
  const figures: StoredFigure[] = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'bench', 'results.json'), 'utf8'),
  );

  it('gives every figure a stable id of the form group.name, once', () => {
    const malformed = figures.filter(
      (figure) => typeof figure.id !== 'string' || !/^[a-z]+\.[a-z0-9_.-]+$/.test(figure.id),
    );
    expect(malformed.map((figure) => figure.name)).toEqual([]);
    const ids = figures.map((figure) => figure.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});
