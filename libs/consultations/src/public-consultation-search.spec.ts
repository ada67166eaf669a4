import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONSULTATION_SEARCH_DOCUMENTS } from './public-consultation-search';

describe('public consultation search documents', () => {
  // PostgreSQL uses an expression index only for a byte-identical expression.
  it('are exactly the expressions the migration indexes', () => {
    const migration = readFileSync(
      path.resolve(__dirname, '../../database/src/migrations/1796500000000-PublicConsultations.ts'),
      'utf8',
    );
    for (const [lang, document] of Object.entries(CONSULTATION_SEARCH_DOCUMENTS))
      expect(migration).toContain(
        `"idx_consultations_public_search_${lang}" ON "consultations" USING gin ((${document})) WHERE public_outcome`,
      );
  });
});
