// Shapes of the measuring API's answers (issue 19), as the console reads them.
export type Multilingual = Record<string, string>;

export interface Territory {
  code: string;
  kind: 'country' | 'subdivision' | 'city';
  parentCode: string | null;
  name: string;
}

export interface FrameworkIndicator {
  code: string;
  frameworkCode: string;
  domain: string;
  dimension: string;
  name: Multilingual;
  definition: Multilingual;
  unit: string;
  direction: 'increase' | 'decrease';
  kind: 'gap' | 'plain';
  comparisonPopulation: string | null;
}

export interface TrendPoint {
  period: string;
  migrantValue: number;
  hostValue: number | null;
  gap: number | null;
  smallSample: boolean;
}

export interface GapChange {
  fromPeriod: string;
  toPeriod: string;
  change: number;
  favourableChange: number;
  narrowing: boolean | null;
  smallSample: boolean;
}

export interface ProfileIndicator {
  indicator: FrameworkIndicator;
  latest: TrendPoint & { favourableGap: number | null; source: string };
  trend: TrendPoint[];
  change: GapChange | null;
  programmes: {
    id: string;
    title: string;
    indicators: {
      id: string;
      name: string;
      frameworkIndicatorCode: string | null;
      latestValue: number | null;
      officialGap: number | null;
      differenceFromOfficial: number | null;
    }[];
  }[];
}

export interface Profile {
  territory: Territory;
  convention: string;
  indicators: ProfileIndicator[];
}

export interface ComparisonRow {
  territory: Territory;
  hasData: boolean;
  latest: (TrendPoint & { favourableGap: number | null }) | null;
  change: GapChange | null;
  rankByGap: number | null;
  rankByChange: number | null;
  smallSample: boolean;
}

export interface Comparison {
  indicator: FrameworkIndicator;
  territories: ComparisonRow[];
}

export interface CoherenceCell {
  level: string;
  policyArea: string;
  dimension: string;
  empty: boolean;
  programmes: {
    id: string;
    title: string;
    mainstreaming: boolean;
    partners: { name: string; kind: string }[];
  }[];
}

export interface Coherence {
  territory: Territory;
  levels: string[];
  policyAreas: string[];
  dimensions: string[];
  cells: CoherenceCell[];
  programmeCount: number;
  mainstreamingCount: number;
  emptyCellCount: number;
}

export const fmt = (n: number | null | undefined, lang: string) =>
  n === null || n === undefined ? '—' : n.toLocaleString(lang, { maximumFractionDigits: 2 });
export const signed = (n: number | null | undefined, lang: string) =>
  n === null || n === undefined ? '—' : `${n > 0 ? '+' : ''}${fmt(n, lang)}`;
