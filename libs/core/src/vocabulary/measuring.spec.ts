import { parseTerritoryCode, territoryCovers } from './measuring';

describe(parseTerritoryCode.name, () => {
  const sut = parseTerritoryCode;

  it('reads countries, ISO 3166-2 subdivisions and cities, with their parent', () => {
    expect(sut('CA')).toMatchObject({ kind: 'country', country: 'CA', parent: null });
    expect(sut('CA-ON')).toMatchObject({ kind: 'subdivision', subdivision: 'CA-ON', parent: 'CA' });
    expect(sut('FR-75')).toMatchObject({ kind: 'subdivision', parent: 'FR' });
    expect(sut('CA-ON-riverton')).toMatchObject({ kind: 'city', citySlug: 'riverton', parent: 'CA-ON' });
    expect(sut('LU-luxembourg')).toMatchObject({ kind: 'city', subdivision: null, parent: 'LU' });
    expect(sut('GB-ENG-st-albans')).toMatchObject({ kind: 'city', citySlug: 'st-albans', parent: 'GB-ENG' });
  });

  it('refuses anything else', () => {
    for (const bad of [
      '',
      'ca',
      'CAN',
      'CA-',
      'CA-ONTA',
      'CA-ON-Riverton',
      'CA-ON-river--ton',
      'CA ON',
      7,
      null,
    ])
      expect(sut(bad)).toBeNull();
    expect(sut(`CA-ON-${'a'.repeat(60)}`)).toBeNull();
  });
});

describe(territoryCovers.name, () => {
  it('is true for the territory itself and its ancestors only', () => {
    expect(territoryCovers('CA', 'CA-ON-riverton')).toBe(true);
    expect(territoryCovers('CA-ON', 'CA-ON-riverton')).toBe(true);
    expect(territoryCovers('CA-ON-riverton', 'CA-ON-riverton')).toBe(true);
    expect(territoryCovers('CA-ON-riverton', 'CA-ON')).toBe(false);
    expect(territoryCovers('CA-ON-lakeside', 'CA-ON-riverton')).toBe(false);
    // A prefix of the text is not an ancestor: CA-O does not cover CA-ON.
    expect(territoryCovers('CA-O', 'CA-ON')).toBe(false);
  });
});
