import { describe, expect, it } from '@jest/globals';
import { ARABIC_FROM, ARABIC_TO, normalizeArabic, SEARCH_DOCUMENTS } from './good-idea-search';

describe('good idea search', () => {
  it('folds Arabic spelling variants and drops diacritics and tatweel', () => {
    expect(normalizeArabic('حَصَاد')).toBe('حصاد');
    expect(normalizeArabic('أحمد إلى آخر')).toBe('احمد الي اخر');
    expect(normalizeArabic('مدرسة')).toBe('مدرسه');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('عـــمل')).toBe('عمل');
    expect(normalizeArabic('harvest récolte')).toBe('harvest récolte');
  });

  it('indexes each language with its own configuration, Arabic through the same folding', () => {
    expect(SEARCH_DOCUMENTS.en).toContain("to_tsvector('english'::regconfig");
    expect(SEARCH_DOCUMENTS.fr).toContain("to_tsvector('french'::regconfig");
    expect(SEARCH_DOCUMENTS.es).toContain("to_tsvector('spanish'::regconfig");
    expect(SEARCH_DOCUMENTS.ar).toContain(`translate(`);
    expect(SEARCH_DOCUMENTS.ar).toContain(`'${ARABIC_FROM}', '${ARABIC_TO}'`);
  });
});

describe('suppressPeopleCount', () => {
  it('hides counts of 1 to 4 people, keeps zero, larger counts and rates', async () => {
    const { suppressPeopleCount } = await import('./good-idea-evidence.service');
    expect(suppressPeopleCount('people', 3)).toBe('<5');
    expect(suppressPeopleCount('participants', 0)).toBe(0);
    expect(suppressPeopleCount('people', 120)).toBe(120);
    expect(suppressPeopleCount('percentage points', 2)).toBe(2);
    expect(suppressPeopleCount('people', null)).toBeNull();
  });
});
