import { diffSnapshots } from './audit.service';

describe('diffSnapshots', () => {
  it('records every field of a creation as "after"', () => {
    expect(diffSnapshots(null, { name: 'A', city: 'B' })).toEqual({
      name: { after: 'A' },
      city: { after: 'B' },
    });
  });

  it('records only what changed in an update, dates as ISO strings', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(diffSnapshots({ name: 'A', city: 'B', at: null }, { name: 'A', city: 'C', at })).toEqual({
      city: { before: 'B', after: 'C' },
      at: { before: null, after: '2026-01-02T03:04:05.000Z' },
    });
  });

  it('never copies secrets, and ignores bookkeeping fields', () => {
    expect(diffSnapshots(null, { passwordHash: '$argon2id$…', version: 3, updatedAt: new Date() })).toEqual({
      passwordHash: { after: '[redacted]' },
    });
  });
});
