import { ConsultationStatus as S } from './entities';

/**
 * Moves allowed through `POST /consultations/{id}/transitions`. The worker makes the same moves
 * scheduled → open and open → closed on the consultation's dates; outcome_published is reached only
 * through `POST /consultations/{id}/outcome`, which carries the outcome itself.
 */
export const CONSULTATION_TRANSITIONS: Record<S, readonly S[]> = {
  [S.Draft]: [S.Scheduled, S.Cancelled],
  [S.Scheduled]: [S.Open, S.Cancelled],
  [S.Open]: [S.Closed, S.Cancelled],
  [S.Closed]: [],
  [S.OutcomePublished]: [],
  [S.Cancelled]: [],
};

export const canTransition = (from: S, to: S): boolean => CONSULTATION_TRANSITIONS[from].includes(to);

/** Questions, texts, dates and invitees can change only before the consultation opens. */
export const isEditable = (status: S): boolean => status === S.Draft || status === S.Scheduled;
