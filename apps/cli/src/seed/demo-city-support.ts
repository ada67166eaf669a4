import { INestApplicationContext } from '@nestjs/common';
import { AuditService } from '@tandem/audit';
import { ActorLoader, User } from '@tandem/auth';
import { Actor, Clock, MembershipRole, SYSTEM_ACTOR, TransactionService } from '@tandem/core';
import {
  CreateOrganizationDto,
  Membership,
  Organization,
  OrganizationKind,
  OrganizationsService,
} from '@tandem/stakeholders';
import { EntityManager } from 'typeorm';

const DAY_MS = 86_400_000;

/** A demo account: the user and its membership, each with the audit row the API would write. */
export async function saveMember(
  em: EntityManager,
  audit: AuditService,
  member: { email: string; name: string; passwordHash: string; organizationId: string; role: MembershipRole },
): Promise<void> {
  const { email, name, passwordHash, organizationId, role } = member;
  const user = await em.save(User, em.create(User, { email, name, passwordHash }));
  await audit.record(em, { action: 'create', entityType: 'user', entityId: user.id, after: { email, name } });
  const m = await em.save(Membership, em.create(Membership, { userId: user.id, organizationId, role }));
  await audit.record(em, {
    action: 'create',
    entityType: 'membership',
    entityId: m.id,
    after: { userId: user.id, organizationId: m.organizationId, role: m.role },
  });
}

/** The person with this e-mail, as the API would see them signed in. */
export async function loadActor(app: INestApplicationContext, email: string): Promise<Actor> {
  const [actor] = await app.get(ActorLoader).loadUsers({ emails: [email] });
  if (!actor) throw new Error(`demo data: no user ${email}`);
  return actor;
}

/**
 * The demo city's calendar. Every date of the living demo city is `anchor` ± a fixed number of days,
 * where `anchor` is the UTC day of the first start: the content is the same on every fresh start and,
 * on the first sign-in, overdue tasks are overdue, open consultations are open and check-ins are due.
 * From then on the city ages like a real one (more work falls due, the open consultation closes).
 */
export class DemoCalendar {
  /** Midnight UTC of the seeding day. */
  readonly anchor: Date;

  constructor(now: Date) {
    this.anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  }

  /** The calendar date `days` from the anchor, YYYY-MM-DD. */
  day(days: number): string {
    return this.at(days).toISOString().slice(0, 10);
  }

  /** The instant `days` (and `hours`) from the anchor's midnight UTC. */
  at(days: number, hours = 0): Date {
    return new Date(this.anchor.getTime() + days * DAY_MS + hours * 3_600_000);
  }

  /** The calendar year `years` from the anchor's (negative: past years). */
  year(years: number): number {
    return this.anchor.getUTCFullYear() + years;
  }
}

/**
 * Replays past events at their dates: while `fn` runs, the services' clock reads `when`, so answers are
 * given while a consultation was open and meetings are attended after they took place, through the
 * same rules as the API. Row timestamps written by PostgreSQL (created_at, audit rows) stay real.
 */
export async function atTime<T>(app: INestApplicationContext, when: Date, fn: () => Promise<T>): Promise<T> {
  const clock = app.get(Clock);
  const real = Object.getOwnPropertyDescriptor(clock, 'now');
  clock.now = () => new Date(when);
  try {
    return await fn();
  } finally {
    if (real) Object.defineProperty(clock, 'now', real);
    else delete (clock as { now?: unknown }).now;
  }
}

export type StaffSpec = { email: string; name: string; role: MembershipRole };

/** The demo city's organisations by name and the people who act for them. */
export class DemoCity {
  private readonly orgIds = new Map<string, string>();
  private readonly actors = new Map<string, Actor>();

  constructor(
    private readonly app: INestApplicationContext,
    private readonly passwordHash: string,
  ) {}

  /** The id of an organisation of the demo city, by name. */
  org(name: string): string {
    const id = this.orgIds.get(name);
    if (!id) throw new Error(`demo city: no organisation named ${name}`);
    return id;
  }

  async loadOrganizations(): Promise<void> {
    const rows = await this.app
      .get(TransactionService)
      .run((em) => em.find(Organization, { select: { id: true, name: true } }));
    for (const o of rows) this.orgIds.set(o.name, o.id);
  }

  /** Creates an organisation through the stakeholders service (profile, audit row), once. */
  async addOrganization(dto: Omit<CreateOrganizationDto, 'website'>): Promise<string> {
    if (this.orgIds.has(dto.name)) return this.org(dto.name);
    const org = await this.app.get(OrganizationsService).create(SYSTEM_ACTOR, dto as CreateOrganizationDto);
    this.orgIds.set(dto.name, org.id);
    return org.id;
  }

  /** A staff account of an organisation (same password as the demo logins), with its audit rows. */
  async addStaff(orgName: string, staff: StaffSpec): Promise<void> {
    const audit = this.app.get(AuditService);
    await this.app.get(TransactionService).run((em) =>
      saveMember(em, audit, {
        ...staff,
        passwordHash: this.passwordHash,
        organizationId: this.org(orgName),
      }),
    );
  }

  /** The person (as the API would see them signed in) with this e-mail. */
  async actor(email: string): Promise<Actor> {
    const known = this.actors.get(email);
    if (known) return known;
    const actor = await loadActor(this.app, email);
    this.actors.set(email, actor);
    return actor;
  }
}

/** What each part of the living demo city is seeded with: the services, the city, its calendar. */
export interface LivingCity {
  app: INestApplicationContext;
  city: DemoCity;
  cal: DemoCalendar;
}

export const PT_CITY = { country: 'PT', city: 'Riverton' } as const;
export { OrganizationKind, MembershipRole };
