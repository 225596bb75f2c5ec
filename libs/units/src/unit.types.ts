/** The unit directory's vocabulary. Pure data types: no framework, no database. */

export const UNIT_KINDS = [
  'provincial_government',
  'provincial_department',
  'city_government',
  'party_organ',
  'central_agency_branch',
  'peoples_organisation',
  'judicial_organ',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** One unit as the seed file and the database hold it. Dates are YYYY-MM-DD. */
export interface UnitRecord {
  code: string;
  fullName: string;
  shortName: string;
  aliases: string[];
  kind: UnitKind;
  parentCode: string | null;
  successorCode: string | null;
  successorSince: string | null;
}

/** A name that stands for several units, such as 各市政府 (every city government). */
export interface UnitGroupRecord {
  name: string;
  aliases: string[];
  memberCodes: string[];
}

/** A name that is not a unit at all (各相关部门): the measure needs a supervisor to name the units. */
export interface UnitPlaceholderRecord {
  name: string;
  aliases: string[];
}

export interface UnitDirectoryData {
  units: UnitRecord[];
  groups: UnitGroupRecord[];
  placeholders: UnitPlaceholderRecord[];
}

/** A unit a name resolved to; `replaces` is set when the name belonged to a predecessor. */
export interface ResolvedUnit {
  code: string;
  fullName: string;
  replaces: { code: string; fullName: string; since: string } | null;
}

export type UnitNameResolution =
  | { kind: 'unit'; name: string; units: [ResolvedUnit] }
  | { kind: 'group'; name: string; units: ResolvedUnit[] }
  | { kind: 'placeholder'; name: string; units: [] }
  | { kind: 'unknown'; name: string; units: [] };

export interface UnitNameResolver {
  /** Resolves a name as written in a document, as of a date (YYYY-MM-DD; successors that took over by then apply). */
  resolve(name: string, asOf: string): UnitNameResolution;
}

/**
 * The lists a supervision office ranks units in: provincial departments and party organs together,
 * cities together; courts, procuratorates, central-government branches, mass organisations and the
 * provincial government itself are listed without rank.
 */
export const RANKING_GROUPS = ['provincial', 'city', 'unranked'] as const;
export type RankingGroup = (typeof RANKING_GROUPS)[number];

export const RANKING_GROUP_OF_KIND: Readonly<Record<UnitKind, RankingGroup>> = {
  provincial_department: 'provincial',
  party_organ: 'provincial',
  city_government: 'city',
  provincial_government: 'unranked',
  central_agency_branch: 'unranked',
  peoples_organisation: 'unranked',
  judicial_organ: 'unranked',
};

export const RANKING_GROUP_LABELS: Readonly<Record<RankingGroup, string>> = {
  provincial: '省直单位',
  city: '各设区市',
  unranked: '其他单位（不参与排名）',
};
