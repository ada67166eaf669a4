import { movesOf } from '@tandem/core';
import { ProgrammeStatus as S } from './entities';
import { canTransition, isClosed, PROGRAMME_TRANSITIONS } from './programme-lifecycle';

describe('programme lifecycle', () => {
  it('allows exactly the documented moves', () => {
    expect(movesOf(PROGRAMME_TRANSITIONS)).toEqual(
      [
        'draft→active',
        'draft→cancelled',
        'active→suspended',
        'active→completed',
        'suspended→active',
        'suspended→completed',
        'completed→archived',
      ].sort(),
    );
  });

  it('refuses skipping, reversing and leaving a closed state', () => {
    expect(canTransition(S.Draft, S.Completed)).toBe(false);
    expect(canTransition(S.Completed, S.Active)).toBe(false);
    expect(canTransition(S.Cancelled, S.Draft)).toBe(false);
    expect(canTransition(S.Active, S.Cancelled)).toBe(false);
    expect(isClosed(S.Archived) && isClosed(S.Cancelled) && !isClosed(S.Suspended)).toBe(true);
  });
});
