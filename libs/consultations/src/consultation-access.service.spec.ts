import { CoreError, CoreErrorCode, Actor, MembershipRole, PlatformRole } from '@tandem/core';
import { DataSource, EntityManager } from 'typeorm';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationAccessService } from './consultation-access.service';
import { Consultation, ConsultationAudience } from './entities';

const actor = (orgIds: string[], platformRole = PlatformRole.User): Actor => ({
  userId: 'u',
  email: 'u@x.test',
  platformRole,
  sessionId: 's',
  memberships: orgIds.map((organizationId) => ({ organizationId, role: MembershipRole.Member })),
});

describe(ConsultationAccessService.name, () => {
  let consultation: Partial<Consultation>;
  let invited: string[];
  let em: EntityManager;
  const sut = new ConsultationAccessService(new ConsultationsRepository({} as DataSource));

  beforeEach(() => {
    consultation = {
      id: 'c',
      organizationId: 'city',
      audience: ConsultationAudience.Invited,
      announcedAt: new Date(),
    };
    invited = ['assoc'];
    em = {
      findOne: jest.fn(async () => consultation),
      query: jest.fn(async (_sql: string, [, orgIds]: [string, string[]]) =>
        orgIds.filter((o) => invited.includes(o)).map((organization_id) => ({ organization_id })),
      ),
    } as unknown as EntityManager;
  });

  const code = async (a: Actor, action: 'read' | 'manage' | 'respond') =>
    sut.require(a, 'c', action, em).then(
      () => 'ok',
      (e: CoreError) =>
        e.code === CoreErrorCode.NotFound ? 404 : e.code === CoreErrorCode.Forbidden ? 403 : e,
    );

  it('owners manage, invitees read and respond, outsiders get 404', async () => {
    expect(await code(actor(['city']), 'manage')).toBe('ok');
    expect(await code(actor(['city']), 'respond')).toBe(403);
    expect(await code(actor(['assoc']), 'read')).toBe('ok');
    expect(await code(actor(['assoc']), 'respond')).toBe('ok');
    expect(await code(actor(['assoc']), 'manage')).toBe(403);
    expect(await code(actor(['other']), 'read')).toBe(404);
    expect(await code(actor([]), 'read')).toBe(404);
  });

  it('invitees see nothing of a draft', async () => {
    consultation.announcedAt = null;
    expect(await code(actor(['assoc']), 'read')).toBe(404);
    expect(await code(actor(['city']), 'read')).toBe('ok');
  });

  it('all_organizations: any organisation but the owner may respond once announced', async () => {
    consultation.audience = ConsultationAudience.AllOrganizations;
    expect(await code(actor(['other']), 'respond')).toBe('ok');
    const both = await sut.require(actor(['city', 'other']), 'c', 'respond', em);
    expect(both.respondingOrgIds).toEqual(['other']);
  });

  it('platform admins read everything and change nothing', async () => {
    const admin = actor([], PlatformRole.Admin);
    expect(await code(admin, 'read')).toBe('ok');
    expect(await code(admin, 'manage')).toBe(403);
    expect(await code(admin, 'respond')).toBe(403);
  });
});
