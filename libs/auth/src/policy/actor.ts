import { MembershipRole, PlatformRole } from '../entities';

export interface ActorMembership {
  organizationId: string;
  role: MembershipRole;
}

/** Who is asking: built from the access token and the database on every request. */
export interface Actor {
  userId: string;
  email: string;
  platformRole: PlatformRole;
  sessionId: string | null;
  memberships: ActorMembership[];
}

/** The system itself (bootstrap, seed, jobs): not a user, may do anything. */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'system@tandem.invalid',
  platformRole: PlatformRole.Admin,
  sessionId: null,
  memberships: [],
};

export const isSystem = (actor: Actor): boolean => actor === SYSTEM_ACTOR;
