/** What a user is to the platform as a whole. */
export enum PlatformRole {
  Admin = 'admin',
  User = 'user',
}

/** What a user is to one organisation. */
export enum MembershipRole {
  OrgAdmin = 'org_admin',
  Member = 'member',
}

export interface ActorMembership {
  organizationId: string;
  role: MembershipRole;
}

/**
 * Who is asking: built from the access token and the database on every request (auth's
 * ActorLoader). It lives in core because every library's services take it first.
 */
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

export const isPlatformAdmin = (actor: Actor): boolean => actor.platformRole === PlatformRole.Admin;

/** The organisations the actor belongs to (any role). */
export const memberOrgIds = (actor: Actor): string[] => actor.memberships.map((m) => m.organizationId);

/** The organisations the actor administers. */
export const adminOrgIds = (actor: Actor): string[] =>
  actor.memberships.filter((m) => m.role === MembershipRole.OrgAdmin).map((m) => m.organizationId);
