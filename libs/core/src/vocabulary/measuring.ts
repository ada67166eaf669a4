import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Policy areas a government organisation works in and a programme touches (issue 19). Shared by
 * stakeholders, programmes and indicators, so it lives here rather than in any one of them.
 */
export const POLICY_AREAS = [
  'labour_employment',
  'education',
  'health',
  'housing',
  'social_protection',
  'justice_home_affairs',
  'culture',
  'civic_participation',
  'finance',
  'local_services',
] as const;
export type PolicyArea = (typeof POLICY_AREAS)[number];

/**
 * Territory codes: an ISO 3166-1 alpha-2 country (`CA`), an ISO 3166-2 subdivision (`CA-ON`: the
 * country, a hyphen, 1–3 upper-case letters or digits), or a city under either
 * (`CA-ON-riverton`, `LU-luxembourg`: a lower-case slug). Upper case marks ISO parts and lower
 * case the city slug, so `CA-ON` and `CA-on` can never be confused. A code's ancestors are its
 * prefixes, so "covers" is a prefix test.
 */
export const TERRITORY_CODE_PATTERN = /^[A-Z]{2}(-[A-Z0-9]{1,3})?(-[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
export const TERRITORY_CODE_MAX = 64;

export type TerritoryKind = 'country' | 'subdivision' | 'city';

export interface ParsedTerritoryCode {
  code: string;
  kind: TerritoryKind;
  country: string;
  subdivision: string | null;
  citySlug: string | null;
  /** The territory directly above, or null for a country. */
  parent: string | null;
}

export function parseTerritoryCode(code: unknown): ParsedTerritoryCode | null {
  if (typeof code !== 'string' || code.length > TERRITORY_CODE_MAX || !TERRITORY_CODE_PATTERN.test(code))
    return null;
  const m = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?$/.exec(code)!;
  const [, country, sub, slug] = m;
  const subdivision = sub ? `${country}-${sub}` : null;
  if (slug)
    return { code, kind: 'city', country, subdivision, citySlug: slug, parent: subdivision ?? country };
  if (subdivision)
    return { code, kind: 'subdivision', country, subdivision, citySlug: null, parent: country };
  return { code, kind: 'country', country, subdivision: null, citySlug: null, parent: null };
}

/** True when `jurisdiction` is `territory` or one of its ancestors (`CA` covers `CA-ON-riverton`). */
export function territoryCovers(jurisdiction: string, territory: string): boolean {
  return territory === jurisdiction || territory.startsWith(`${jurisdiction}-`);
}

export function IsTerritoryCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isTerritoryCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be a territory code such as CA, CA-ON or CA-ON-riverton`,
        ...options,
      },
      validator: { validate: (v: unknown) => parseTerritoryCode(v) !== null },
    });
}
