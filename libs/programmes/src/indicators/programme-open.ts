import { Programme, ProgrammeStatus } from '../entities';
import { ProgrammesError, ProgrammesErrorCode } from '../programmes.errors';

// TEMPORARY until the programmes API is merged: replaced by isClosed from ../programme-lifecycle.
const isClosed = (status: ProgrammeStatus): boolean =>
  status === ProgrammeStatus.Archived || status === ProgrammeStatus.Cancelled;

/** Archived and cancelled programmes are history: their indicators, values and locks stay as they are. */
export function assertProgrammeOpen(programme: Programme): void {
  if (isClosed(programme.status)) {
    throw new ProgrammesError(
      ProgrammesErrorCode.ProgrammeNotActive,
      `The programme is ${programme.status}: its indicators no longer change`,
    );
  }
}
