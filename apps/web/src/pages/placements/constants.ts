import type { components } from '../../api/schema';
import { orgsOfKind, useMe } from '../../auth';

export type Sector = components['schemas']['CreatePlacementDto']['sector'];

export type Contract = components['schemas']['CreatePlacementDto']['contractType'];

export type Gender = components['schemas']['CreateParticipantDto']['gender'];

export type Status = components['schemas']['CreateParticipantDto']['statusCategory'];

export const SECTORS: Sector[] = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
];

export const CONTRACTS: Contract[] = ['permanent', 'fixed_term', 'apprenticeship', 'internship', 'seasonal'];

export const GENDERS: Gender[] = ['female', 'male', 'other', 'not_stated'];

export const STATUSES: Status[] = ['refugee_or_asylum', 'labour', 'student', 'family', 'other'];

export const FINISHED = ['completed', 'rejected', 'failed'];

export function useEmployers() {
  const me = useMe();
  return orgsOfKind(me, 'employer');
}
