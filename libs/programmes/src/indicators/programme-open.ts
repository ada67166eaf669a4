import { Programme } from '../entities';
import { isClosed } from '../programme-lifecycle';
import { ProgrammesError, ProgrammesErrorCode } from '../programmes.errors';

/** Archived and cancelled programmes are history: their indicators, values and locks stay as they are. */
export function assertProgrammeOpen(programme: Programme): void {
  if (isClosed(programme.status)) {
    throw new ProgrammesError(
      ProgrammesErrorCode.ProgrammeNotActive,
      `The programme is ${programme.status}: its indicators no longer change`,
    );
  }
}
