import { EntityManager } from 'typeorm';
import { OrganizationKind } from '../entities/organization.entity';
import type { Organization } from '../entities/organization.entity';

/**
 * What makes each kind of organisation different: its profile's fields, their validation, and its
 * table. One implementation per kind module; the organisations service stays kind-agnostic.
 */
export interface OrganizationKindDefinition<P extends object = object> {
  kind: OrganizationKind;
  /** The relation on Organization that holds this kind's profile. */
  relation: 'government' | 'employer' | 'civilSociety' | 'migrantAssociation';
  /** class-validator DTO of the full profile. */
  profileDto: new () => P;
  /** Writes (insert or replace) the profile row. */
  save(em: EntityManager, organizationId: string, profile: P): Promise<void>;
  /** The profile as the API shows it, from the loaded organisation. */
  view(organization: Organization): P | null;
}

export const ORGANIZATION_KINDS = Symbol('ORGANIZATION_KINDS');
