import {
  AbilityBuilder,
  createMongoAbility,
  ForcedSubject,
  MongoAbility,
  subject as tag,
} from '@casl/ability';
import { Injectable } from '@nestjs/common';
import { CoreError, MembershipRole, PlatformRole, Actor } from '@tandem/core';

export type PolicyAction = 'manage' | 'create' | 'read' | 'update' | 'delete' | 'list';
export type PolicySubject = 'Organization' | 'Membership' | 'Invitation' | 'AuditEvent' | 'all';
type Tagged<T extends string, R> = ForcedSubject<T> & R;
type Subjects =
  | PolicySubject
  | Tagged<'Organization', { id: string }>
  | Tagged<'Membership', { organizationId: string }>
  | Tagged<'Invitation', { organizationId: string }>;
export type AppAbility = MongoAbility<[PolicyAction, Subjects]>;

/**
 * Who may do what to which record, in one place. Services ask it before every read, list and
 * write; a record the actor may not read is reported as missing (404), one they may read but not
 * change as forbidden (403).
 */
@Injectable()
export class PolicyService {
  private readonly cache = new WeakMap<Actor, AppAbility>();

  abilityFor(actor: Actor): AppAbility {
    const cached = this.cache.get(actor);
    if (cached) return cached;
    const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
    if (actor.platformRole === PlatformRole.Admin) {
      can('manage', 'all');
    } else {
      const memberOf = actor.memberships.map((m) => m.organizationId);
      const adminOf = actor.memberships
        .filter((m) => m.role === MembershipRole.OrgAdmin)
        .map((m) => m.organizationId);
      // The directory of organisations is visible to every signed-in user: partners must find each other.
      can('list', 'Organization');
      can('read', 'Organization', { id: { $in: memberOf } });
      can('update', 'Organization', { id: { $in: adminOf } });
      can(['read', 'list'], 'Membership', { organizationId: { $in: memberOf } });
      can(['update', 'delete'], 'Membership', { organizationId: { $in: adminOf } });
      can(['create', 'read', 'list', 'delete'], 'Invitation', { organizationId: { $in: adminOf } });
    }
    const ability = build();
    this.cache.set(actor, ability);
    return ability;
  }

  can(actor: Actor, action: PolicyAction, type: PolicySubject, record?: object): boolean {
    const ability = this.abilityFor(actor);
    return record ? ability.can(action, tag(type, { ...record }) as never) : ability.can(action, type);
  }

  /**
   * Throws 404 when the actor may not even see the record (so ids of others are not revealed),
   * 403 when they see it but may not do `action`.
   */
  assert(
    actor: Actor,
    action: PolicyAction,
    type: PolicySubject,
    record: object,
    visibleAs: PolicySubject = type,
    visibleRecord: object = record,
  ): void {
    if (!this.can(actor, 'read', visibleAs, visibleRecord)) throw CoreError.notFound(visibleAs);
    if (action !== 'read' && !this.can(actor, action, type, record)) throw CoreError.forbidden();
  }
}
