import { ProgrammeStatus } from './entities';

/** The programme lifecycle: draft → active ↔ suspended → completed → archived, and draft → cancelled. */
export const PROGRAMME_TRANSITIONS: Readonly<Record<ProgrammeStatus, readonly ProgrammeStatus[]>> = {
  [ProgrammeStatus.Draft]: [ProgrammeStatus.Active, ProgrammeStatus.Cancelled],
  [ProgrammeStatus.Active]: [ProgrammeStatus.Suspended, ProgrammeStatus.Completed],
  [ProgrammeStatus.Suspended]: [ProgrammeStatus.Active, ProgrammeStatus.Completed],
  [ProgrammeStatus.Completed]: [ProgrammeStatus.Archived],
  [ProgrammeStatus.Archived]: [],
  [ProgrammeStatus.Cancelled]: [],
};

export const canTransition = (from: ProgrammeStatus, to: ProgrammeStatus): boolean =>
  PROGRAMME_TRANSITIONS[from].includes(to);

/** Archived and cancelled programmes are history: nothing in them changes any more. */
export const isClosed = (status: ProgrammeStatus): boolean =>
  status === ProgrammeStatus.Archived || status === ProgrammeStatus.Cancelled;
