import { ApiProperty } from '@nestjs/swagger';
import { Participant } from './entities';

export class ConsentView {
  givenAt!: Date;
  scope!: string;
}

export class ParticipantView {
  id!: string;
  referenceCode!: string;
  registeredByOrganizationId!: string;
  programmeId!: string | null;
  yearOfBirth!: number | null;
  gender!: string | null;
  countryOfOrigin!: string | null;
  arrivalYear!: number | null;
  statusCategory!: string | null;
  languages!: string[] | null;
  @ApiProperty({ type: () => ConsentView, nullable: true })
  consent!: ConsentView | null;
  erased!: boolean;
  erasedAt!: Date | null;
  createdAt!: Date;
}

export const participantView = (p: Participant): ParticipantView => ({
  id: p.id,
  referenceCode: p.referenceCode,
  registeredByOrganizationId: p.registeredByOrganizationId,
  programmeId: p.programmeId,
  yearOfBirth: p.yearOfBirth,
  gender: p.gender,
  countryOfOrigin: p.countryOfOrigin,
  arrivalYear: p.arrivalYear,
  statusCategory: p.statusCategory,
  languages: p.languages,
  consent: p.consentGivenAt && p.consentScope ? { givenAt: p.consentGivenAt, scope: p.consentScope } : null,
  erased: p.erasedAt !== null,
  erasedAt: p.erasedAt,
  createdAt: p.createdAt,
});

/**
 * The answer to a registration: the pseudonym only. The attributes are left out on purpose: with an
 * Idempotency-Key the response is stored for replays, and an erasure must not leave them there.
 */
export class ParticipantRegisteredView {
  id!: string;
  referenceCode!: string;
  registeredByOrganizationId!: string;
  programmeId!: string | null;
  createdAt!: Date;
}

export const participantRegisteredView = (p: Participant): ParticipantRegisteredView => ({
  id: p.id,
  referenceCode: p.referenceCode,
  registeredByOrganizationId: p.registeredByOrganizationId,
  programmeId: p.programmeId,
  createdAt: p.createdAt,
});

/**
 * What the audit trail keeps of a participant: never the personal attributes (erasure would leave
 * them behind in the append-only trail) nor the reference code (platform admins read the trail but
 * see participants only as aggregates).
 */
export const participantAuditSnapshot = (p: Participant) => ({
  erased: p.erasedAt !== null,
});
