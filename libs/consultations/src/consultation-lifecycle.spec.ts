import { movesOf } from '@tandem/core';
import { ConsultationStatus as S } from './entities';
import { canTransition, CONSULTATION_TRANSITIONS, isEditable } from './consultation-lifecycle';

describe('consultation lifecycle', () => {
  it('allows exactly the documented moves', () => {
    expect(movesOf(CONSULTATION_TRANSITIONS)).toEqual(
      [
        'draft→scheduled',
        'draft→cancelled',
        'scheduled→open',
        'scheduled→cancelled',
        'open→closed',
        'open→cancelled',
      ].sort(),
    );
  });

  it('reaches outcome_published only through the outcome, and never leaves an end state', () => {
    expect(canTransition(S.Closed, S.OutcomePublished)).toBe(false);
    expect(canTransition(S.Closed, S.Cancelled)).toBe(false);
    expect(canTransition(S.Cancelled, S.Draft)).toBe(false);
    expect(canTransition(S.OutcomePublished, S.Closed)).toBe(false);
    expect(canTransition(S.Draft, S.Open)).toBe(false);
  });

  it('is editable only before it opens', () => {
    expect(Object.values(S).filter(isEditable).sort()).toEqual([S.Draft, S.Scheduled].sort());
  });
});
