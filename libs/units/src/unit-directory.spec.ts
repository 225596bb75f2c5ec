import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeedUnitDirectory, readUnitDirectoryData, UnitDirectory } from './unit-directory';
import { UnitDirectoryData, UnitRecord } from './unit.types';

const PLAN_DATE = '2022-06-02';
const directory = loadSeedUnitDirectory();

const CITY_CODES = [
  'sx-city-taiyuan',
  'sx-city-datong',
  'sx-city-shuozhou',
  'sx-city-xinzhou',
  'sx-city-lvliang',
  'sx-city-jinzhong',
  'sx-city-yangquan',
  'sx-city-changzhi',
  'sx-city-jincheng',
  'sx-city-linfen',
  'sx-city-yuncheng',
];

/** The 35 unit names of the 2022 plan's (责任单位:…) clauses; 各市政府 and 各相关部门 make the 37. */
const PLAN_UNITS: [string, string, string][] = [
  ['省文旅厅', 'sx-culture-tourism', '山西省文化和旅游厅'],
  ['省林草局', 'sx-forestry-grassland', '山西省林业和草原局'],
  ['省委宣传部', 'sx-party-publicity', '中共山西省委宣传部'],
  ['省农业农村厅', 'sx-agriculture-rural', '山西省农业农村厅'],
  ['省乡村振兴局', 'sx-rural-revitalisation', '山西省乡村振兴局'],
  ['省发展改革委', 'sx-development-reform', '山西省发展和改革委员会'],
  ['省商务厅', 'sx-commerce', '山西省商务厅'],
  ['省交通厅', 'sx-transport', '山西省交通运输厅'],
  ['省文物局', 'sx-cultural-heritage', '山西省文物局'],
  ['省工信厅', 'sx-industry-it', '山西省工业和信息化厅'],
  ['省市场监管局', 'sx-market-regulation', '山西省市场监督管理局'],
  ['省卫健委', 'sx-health', '山西省卫生健康委员会'],
  ['省体育局', 'sx-sport', '山西省体育局'],
  ['省教育厅', 'sx-education', '山西省教育厅'],
  ['省人社厅', 'sx-human-resources-social-security', '山西省人力资源和社会保障厅'],
  ['省民政厅', 'sx-civil-affairs', '山西省民政厅'],
  ['省自然资源厅', 'sx-natural-resources', '山西省自然资源厅'],
  ['省住建厅', 'sx-housing-urban-rural', '山西省住房和城乡建设厅'],
  ['省应急厅', 'sx-emergency-management', '山西省应急管理厅'],
  ['省广电局', 'sx-radio-television', '山西省广播电视局'],
  ['省科技厅', 'sx-science-technology', '山西省科学技术厅'],
  ['省审批服务管理局', 'sx-administrative-approval', '山西省行政审批服务管理局'],
  ['省残联', 'sx-disabled-persons-federation', '山西省残疾人联合会'],
  ['省财政厅', 'sx-finance', '山西省财政厅'],
  ['省税务局', 'sta-shanxi', '国家税务总局山西省税务局'],
  ['省委组织部', 'sx-party-organisation', '中共山西省委组织部'],
  ['省医保局', 'sx-healthcare-security', '山西省医疗保障局'],
  ['省总工会', 'sx-federation-of-trade-unions', '山西省总工会'],
  ['省小企业局', 'sx-small-enterprise-promotion', '山西省小企业发展促进局'],
  ['省公安厅', 'sx-public-security', '山西省公安厅'],
  ['省检察院', 'sx-procuratorate', '山西省人民检察院'],
  ['人行太原中心支行', 'pboc-taiyuan-central-branch', '中国人民银行太原中心支行'],
  ['山西银保监局', 'cbirc-shanxi', '中国银行保险监督管理委员会山西监管局'],
  ['省地方金融监管局', 'sx-local-financial-regulation', '山西省地方金融监督管理局'],
  ['省统计局', 'sx-statistics', '山西省统计局'],
];

describe('UnitDirectory seed data', () => {
  it('covers every name the 2022 plan gives as responsible: 35 units, one group and one placeholder', () => {
    // The names read straight from the seed text (not through the parser): every 责任单位 clause, line
    // breaks removed, split on 、 and commas.
    const text = readFileSync(
      join(__dirname, '..', '..', '..', 'seeds', 'shanxi-consumer-services-action-plan-2022.txt'),
      'utf8',
    ).replace(/\s+/g, '');
    const names = new Set(
      [...text.matchAll(/[(（]责任单位[:：](.+?)[)）]/g)].flatMap((clause) => clause[1].split(/[、,，]/)),
    );
    expect(names.size).toBe(37);
    const kinds = [...names].map((name) => directory.resolve(name, PLAN_DATE)?.kind ?? 'unknown');
    expect(kinds.filter((kind) => kind === 'unit')).toHaveLength(35);
    expect([...names].filter((name) => directory.resolve(name, PLAN_DATE)?.kind !== 'unit').sort()).toEqual([
      '各市政府',
      '各相关部门',
    ]);
    expect(new Set(PLAN_UNITS.map(([name]) => name))).toEqual(
      new Set([...names].filter((name) => name !== '各市政府' && name !== '各相关部门')),
    );
  });

  it.each(PLAN_UNITS)('resolves %s to %s (%s) as of the plan date', (name, code, fullName) => {
    expect(directory.resolve(name, PLAN_DATE)).toEqual({
      kind: 'unit',
      name,
      units: [{ code, fullName, replaces: null }],
    });
  });

  it('resolves 各市政府 to the 11 city governments', () => {
    const resolution = directory.resolve('各市政府', PLAN_DATE);
    expect(resolution.kind).toBe('group');
    expect(resolution.units.map((unit) => unit.code)).toEqual(CITY_CODES);
    expect(resolution.units.map((unit) => unit.fullName)).toContain('太原市人民政府');
  });

  it('resolves 各相关部门 to a placeholder', () => {
    expect(directory.resolve('各相关部门', PLAN_DATE)).toEqual({ kind: 'placeholder', name: '各相关部门', units: [] });
  });

  it("knows every name in the plan text's (责任单位:…) clauses", () => {
    const text = readFileSync(join(__dirname, '../../../seeds/shanxi-consumer-services-action-plan-2022.txt'), 'utf8');
    const names = responsibleUnitNames(text);
    expect(names.size).toBe(37);
    const unknown = [...names].filter((name) => directory.resolve(name, PLAN_DATE).kind === 'unknown');
    expect(unknown).toEqual([]);
  });

  it('gives every city government a parent, full name and aliases', () => {
    for (const code of CITY_CODES) {
      const city = directory.findByCode(code);
      expect(city).toMatchObject({ kind: 'city_government', parentCode: 'sx-government' });
      expect(city?.fullName).toMatch(/^..市人民政府$/);
    }
  });

  it.each([
    ['省委宣传部', 'party_organ', 'sx-party-committee'],
    ['省发展改革委', 'provincial_department', 'sx-government'],
    ['省总工会', 'peoples_organisation', null],
    ['省检察院', 'judicial_organ', null],
    ['省税务局', 'central_agency_branch', null],
    ['山西省人民政府办公厅', 'provincial_government', 'sx-government'],
  ])('records %s as %s under %s', (name, kind, parentCode) => {
    const code = directory.resolve(name, PLAN_DATE).units[0]?.code ?? '';
    expect(directory.findByCode(code)).toMatchObject({ kind, parentCode });
  });
});

describe('UnitDirectory.resolve', () => {
  it.each([
    ['省 文旅厅', 'sx-culture-tourism'],
    ['省文旅厅\n', 'sx-culture-tourism'],
    ['人行太原中心\u3000支行', 'pboc-taiyuan-central-branch'],
    ['省 审批服务\n管理局', 'sx-administrative-approval'],
    ['\u3000省文旅厅\u3000', 'sx-culture-tourism'],
    ['山西省\u3000税务局', 'sta-shanxi'],
  ])('tolerates white space and width: %j resolves to %s', (name, code) => {
    expect(directory.resolve(name, PLAN_DATE).units.map((unit) => unit.code)).toEqual([code]);
  });

  it('folds fullwidth letters and digits before matching', () => {
    const data = minimalData([unitRecord('a', { aliases: ['A级景区办２０２２'] })]);
    expect(
      UnitDirectory.fromData(data)
        .resolve('Ａ级景区办2022', PLAN_DATE)
        .units.map((unit) => unit.code),
    ).toEqual(['a']);
  });

  it.each([
    ['省发改委', 'sx-development-reform'],
    ['省发展和改革委员会', 'sx-development-reform'],
    ['省文化和旅游厅', 'sx-culture-tourism'],
    ['省人力资源社会保障厅', 'sx-human-resources-social-security'],
    ['省卫生健康委', 'sx-health'],
    ['省住房城乡建设厅', 'sx-housing-urban-rural'],
    ['省工业和信息化厅', 'sx-industry-it'],
    ['山西省文化和旅游厅', 'sx-culture-tourism'],
    ['山西省文旅厅', 'sx-culture-tourism'],
    ['山西省委宣传部', 'sx-party-publicity'],
    ['太原市政府', 'sx-city-taiyuan'],
    ['运城市', 'sx-city-yuncheng'],
    ['山西省人民政府', 'sx-government'],
  ])('resolves the alias %s to %s', (name, code) => {
    expect(directory.resolve(name, PLAN_DATE).units.map((unit) => unit.code)).toEqual([code]);
  });

  it.each(['各市人民政府', '各设区市政府', '各市'])('resolves %s to the city group', (name) => {
    const resolution = directory.resolve(name, PLAN_DATE);
    expect(resolution).toMatchObject({ kind: 'group', name });
    expect(resolution.units.map((unit) => unit.code)).toEqual(CITY_CODES);
  });

  it.each(['各有关部门', '按职责分工负责', '有关部门', '相关部门', '各级各部门'])(
    'resolves %s to a placeholder',
    (name) => {
      expect(directory.resolve(name, PLAN_DATE)).toEqual({ kind: 'placeholder', name, units: [] });
    },
  );

  it.each(['省宇宙局', '', '文旅厅', '山西省'])('reports %j as unknown', (name) => {
    expect(directory.resolve(name, PLAN_DATE)).toEqual({ kind: 'unknown', name, units: [] });
  });

  it.each(['2022-6-2', '2022-02-30', 'today'])('rejects the date %j', (asOf) => {
    expect(() => directory.resolve('省文旅厅', asOf)).toThrow(asOf);
  });
});

describe('UnitDirectory successors', () => {
  const CBIRC = { code: 'cbirc-shanxi', fullName: '中国银行保险监督管理委员会山西监管局' };
  const PBOC = { code: 'pboc-taiyuan-central-branch', fullName: '中国人民银行太原中心支行' };

  it.each([
    ['山西银保监局', PLAN_DATE, CBIRC.code, null],
    ['山西银保监局', '2023-07-19', CBIRC.code, null],
    ['山西银保监局', '2023-07-20', 'nfra-shanxi', { ...CBIRC, since: '2023-07-20' }],
    ['山西银保监局', '2026-01-01', 'nfra-shanxi', { ...CBIRC, since: '2023-07-20' }],
    ['人行太原中心支行', PLAN_DATE, PBOC.code, null],
    ['人行太原中心支行', '2023-08-17', PBOC.code, null],
    ['人行太原中心支行', '2026-01-01', 'pboc-shanxi-branch', { ...PBOC, since: '2023-08-18' }],
  ])('resolves %s as of %s to %s', (name, asOf, code, replaces) => {
    const [unit] = directory.resolve(name, asOf).units;
    expect(unit).toEqual({ code, fullName: directory.findByCode(code)?.fullName, replaces });
  });

  it('names the successors in full', () => {
    expect(directory.findByCode('nfra-shanxi')?.fullName).toBe('国家金融监督管理总局山西监管局');
    expect(directory.findByCode('pboc-shanxi-branch')?.fullName).toBe('中国人民银行山西省分行');
  });

  it('follows a chain of successors up to the date and reports the unit named in the document', () => {
    const directory = UnitDirectory.fromData(
      minimalData([
        unitRecord('a', { successorCode: 'b', successorSince: '2023-01-01' }),
        unitRecord('b', { successorCode: 'c', successorSince: '2024-01-01' }),
        unitRecord('c'),
      ]),
    );
    expect(directory.resolve('name of a', '2023-06-01').units).toEqual([
      { code: 'b', fullName: 'name of b', replaces: { code: 'a', fullName: 'name of a', since: '2023-01-01' } },
    ]);
    expect(directory.resolve('name of a', '2025-01-01').units).toEqual([
      { code: 'c', fullName: 'name of c', replaces: { code: 'a', fullName: 'name of a', since: '2024-01-01' } },
    ]);
  });

  it('applies successors to group members', () => {
    const directory = UnitDirectory.fromData({
      units: [unitRecord('a', { successorCode: 'b', successorSince: '2023-01-01' }), unitRecord('b')],
      groups: [{ name: 'all', aliases: [], memberCodes: ['a'] }],
      placeholders: [],
    });
    expect(directory.resolve('all', '2024-01-01').units.map((unit) => unit.code)).toEqual(['b']);
  });
});

describe('UnitDirectory.fromData', () => {
  it.each<[string, UnitDirectoryData, RegExp]>([
    [
      'a duplicate alias',
      minimalData([unitRecord('a', { aliases: ['X'] }), unitRecord('b', { aliases: ['X'] })]),
      /unit "b" uses the name "X", which already names unit "a"/,
    ],
    [
      'an alias that differs only in width and space',
      minimalData([unitRecord('a', { aliases: ['省 X局'] }), unitRecord('b', { aliases: ['省Ｘ局'] })]),
      /unit "b" uses the name "省Ｘ局", which already names unit "a"/,
    ],
    [
      'a placeholder name taken by a unit',
      {
        units: [unitRecord('a', { aliases: ['有关部门'] })],
        groups: [],
        placeholders: [{ name: '有关部门', aliases: [] }],
      },
      /placeholder "有关部门" uses the name "有关部门", which already names unit "a"/,
    ],
    [
      'two groups with the same name',
      {
        units: [unitRecord('a')],
        groups: [
          { name: 'all', aliases: [], memberCodes: ['a'] },
          { name: 'all', aliases: [], memberCodes: ['a'] },
        ],
        placeholders: [],
      },
      /group "all" uses the name "all", which already names group "all"/,
    ],
    [
      'a duplicate code',
      minimalData([unitRecord('a'), { ...unitRecord('a'), fullName: 'other' }]),
      /unit "a" is listed twice/,
    ],
    ['a code that is not lowercase ASCII', minimalData([unitRecord('Sx_A')]), /unit "Sx_A" has a code/],
    [
      'an unknown parent code',
      minimalData([unitRecord('a', { parentCode: 'nowhere' })]),
      /unit "a" has unknown parentCode "nowhere"/,
    ],
    [
      'an unknown successor code',
      minimalData([unitRecord('a', { successorCode: 'gone', successorSince: '2023-01-01' })]),
      /unit "a" has unknown successorCode "gone"/,
    ],
    [
      'a successor cycle',
      minimalData([
        unitRecord('a', { successorCode: 'b', successorSince: '2023-01-01' }),
        unitRecord('b', { successorCode: 'a', successorSince: '2024-01-01' }),
      ]),
      /unit "a" has a successorCode chain that loops \(a -> b -> a\)/,
    ],
    [
      'a unit that succeeds itself',
      minimalData([unitRecord('a', { successorCode: 'a', successorSince: '2023-01-01' })]),
      /unit "a" has a successorCode chain that loops/,
    ],
    [
      'a parent cycle',
      minimalData([unitRecord('a', { parentCode: 'b' }), unitRecord('b', { parentCode: 'a' })]),
      /unit "a" has a parentCode chain that loops/,
    ],
    [
      'a successor without a date',
      minimalData([unitRecord('a', { successorCode: 'b' }), unitRecord('b')]),
      /unit "a" must set successorCode and successorSince together/,
    ],
    [
      'a successor date that is not a date',
      minimalData([unitRecord('a', { successorCode: 'b', successorSince: '2023-13-01' }), unitRecord('b')]),
      /unit "a" has successorSince "2023-13-01"/,
    ],
    [
      'an unknown group member',
      { units: [unitRecord('a')], groups: [{ name: 'all', aliases: [], memberCodes: ['a', 'z'] }], placeholders: [] },
      /group "all" has unknown member code "z"/,
    ],
    ['an empty alias', minimalData([unitRecord('a', { aliases: [' \u3000'] })]), /unit "a" has an empty name or alias/],
    [
      'an unknown kind',
      minimalData([{ ...unitRecord('a'), kind: 'ministry' as UnitRecord['kind'] }]),
      /unit "a" has unknown kind "ministry"/,
    ],
  ])('rejects %s', (_, data, message) => {
    expect(() => UnitDirectory.fromData(data)).toThrow(message);
  });

  it('accepts a name repeated within one unit', () => {
    const data = minimalData([unitRecord('a', { aliases: ['name of a', 'A'] })]);
    expect(
      UnitDirectory.fromData(data)
        .resolve('A', PLAN_DATE)
        .units.map((unit) => unit.code),
    ).toEqual(['a']);
  });

  it('keeps a private copy of its data', () => {
    const data = minimalData([unitRecord('a')]);
    const built = UnitDirectory.fromData(data);
    data.units[0]!.fullName = 'changed';
    built.data().units[0]!.fullName = 'changed too';
    expect(built.findByCode('a')?.fullName).toBe('name of a');
    expect(built.units().map((unit) => unit.fullName)).toEqual(['name of a']);
  });
});

describe('readUnitDirectoryData', () => {
  it('reads seeds/units.json by default', () => {
    const seed = JSON.parse(readFileSync(join(__dirname, '../../../seeds/units.json'), 'utf8')) as UnitDirectoryData;
    expect(readUnitDirectoryData()).toEqual(seed);
    expect(directory.data()).toEqual(seed);
  });

  it('rejects a file without the directory shape', () => {
    const path = join(__dirname, '../../../package.json');
    expect(() => readUnitDirectoryData(path)).toThrow(/units must be an array/);
  });
});

function responsibleUnitNames(text: string): Set<string> {
  const compact = text.replace(/\s+/gu, '');
  const clauses = [...compact.matchAll(/[(（]责任单位[:：](.*?)[)）]/gu)].map((match) => match[1] ?? '');
  return new Set(clauses.flatMap((clause) => clause.split(/[、,，]/u)));
}

function unitRecord(code: string, overrides: Partial<UnitRecord> = {}): UnitRecord {
  return {
    code,
    fullName: `name of ${code}`,
    shortName: `short ${code}`,
    aliases: [],
    kind: 'provincial_department',
    parentCode: null,
    successorCode: null,
    successorSince: null,
    ...overrides,
  };
}

function minimalData(units: UnitRecord[]): UnitDirectoryData {
  return { units, groups: [], placeholders: [] };
}
