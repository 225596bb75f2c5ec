import { DataSource } from 'typeorm';
import { readUnitDirectoryData, UnitDirectoryStore } from '@app/units';
import { startTestServices, TestServices } from '../support/services';

describe('the unit directory in PostgreSQL', () => {
  let services: TestServices;
  let store: UnitDirectoryStore;

  beforeAll(async () => {
    services = await startTestServices();
    store = services.context.get(UnitDirectoryStore);
  });

  afterAll(() => services.close());

  it('loads idempotently: a second load of the same data changes nothing', async () => {
    const data = readUnitDirectoryData();
    const report = await store.upsert(data);
    expect(report).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: data.units.length,
      rules: data.groups.length + data.placeholders.length,
    });
    const [{ count }] = await services.context.get(DataSource).query('SELECT count(*)::int AS count FROM units');
    expect(count).toBe(data.units.length);
  });

  it('reads back what it stored, successors and groups included', async () => {
    const stored = await store.readData();
    const seed = readUnitDirectoryData();
    expect(stored.units.map((unit) => unit.code).sort()).toEqual(seed.units.map((unit) => unit.code).sort());
    expect(stored.units.find((unit) => unit.code === 'cbirc-shanxi')).toMatchObject({
      successorCode: 'nfra-shanxi',
      successorSince: '2023-07-20',
    });
    const directory = await store.load();
    expect(directory.resolve('各市人民政府', '2026-01-01').units).toHaveLength(11);
  });

  it('updates a changed unit and counts it as updated', async () => {
    const data = readUnitDirectoryData();
    const renamed = {
      ...data,
      units: data.units.map((unit) =>
        unit.code === 'sx-sport' ? { ...unit, aliases: [...unit.aliases, '省体育运动局'] } : unit,
      ),
    };
    expect(await store.upsert(renamed)).toMatchObject({ inserted: 0, updated: 1 });
    expect((await store.load()).resolve('省体育运动局', '2026-01-01')).toMatchObject({
      kind: 'unit',
      units: [{ code: 'sx-sport' }],
    });
  });

  it('refuses inconsistent data before writing anything', async () => {
    const data = readUnitDirectoryData();
    const broken = {
      ...data,
      units: data.units.map((unit) => (unit.code === 'sx-sport' ? { ...unit, parentCode: 'no-such-unit' } : unit)),
    };
    await expect(store.upsert(broken)).rejects.toThrow(/no-such-unit/);
    expect((await store.readData()).units.find((unit) => unit.code === 'sx-sport')?.parentCode).toBe('sx-government');
  });
});
