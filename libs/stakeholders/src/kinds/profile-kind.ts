import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Organization, OrganizationKind } from '../entities/organization.entity';
import { OrganizationKindDefinition } from './organization-kind';

/**
 * The common shape of a kind: a profile table keyed by the organisation id whose columns are the
 * profile DTO's fields. Each kind module subclasses it with its own entity, DTO and field list.
 */
export abstract class ProfileKind<P extends object> implements OrganizationKindDefinition<P> {
  protected constructor(
    readonly kind: OrganizationKind,
    readonly relation: OrganizationKindDefinition['relation'],
    readonly profileDto: new () => P,
    private readonly entity: EntityTarget<ObjectLiteral>,
    private readonly fields: readonly (keyof P & string)[],
  ) {}

  async save(em: EntityManager, organizationId: string, profile: P): Promise<void> {
    await em.upsert(this.entity, { organizationId, ...this.pick(profile) }, ['organizationId']);
  }

  view(organization: Organization): P | null {
    const row = organization[this.relation] as P | undefined;
    return row ? (this.pick(row) as P) : null;
  }

  private pick(source: P): Partial<P> {
    return Object.fromEntries(this.fields.map((f) => [f, source[f]])) as Partial<P>;
  }
}
