import { PlatformRole } from '@tandem/core';
import { ProgrammesRepository } from './programmes.repository';
import { Programme } from './entities';
import { ProgrammeAccess, ProgrammeAccessService } from './programme-access.service';
import { programmeAccessOf } from './testing/programme-access.double';

const base = (over: Partial<ProgrammeAccess>): ProgrammeAccess =>
  programmeAccessOf({ id: 'p' } as Programme, over);

describe(ProgrammeAccessService.name, () => {
  const sut = new ProgrammeAccessService({} as ProgrammesRepository);

  it('lets managers do everything', () => {
    const m = base({ isManager: true });
    expect([sut.can(m, 'read'), sut.can(m, 'manage'), sut.can(m, 'work')]).toEqual([true, true, true]);
  });

  it('lets working partners read and work, observers only read, invited partners only read', () => {
    const worker = base({ activePartnerOrgIds: ['o'], workingPartnerOrgIds: ['o'] });
    const observer = base({ activePartnerOrgIds: ['o'] });
    const invited = base({ invitedOrgIds: ['o'] });
    expect([sut.can(worker, 'read'), sut.can(worker, 'work'), sut.can(worker, 'manage')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([sut.can(observer, 'read'), sut.can(observer, 'work')]).toEqual([true, false]);
    expect([sut.can(invited, 'read'), sut.can(invited, 'work')]).toEqual([true, false]);
  });

  it('lets platform admins read but not change, and nobody else read', () => {
    const admin = base({ isPlatformAdmin: true });
    expect([sut.can(admin, 'read'), sut.can(admin, 'manage'), sut.can(admin, 'work')]).toEqual([
      true,
      false,
      false,
    ]);
    expect(sut.can(base({}), 'read')).toBe(false);
    expect(PlatformRole.Admin).toBe('admin');
  });

  it.each([
    ['an outsider', base({}), 'read', false, false],
    ['an invited partner asked to work', base({ invitedOrgIds: ['o'] }), 'work', true, false],
    ['an observer asked to manage', base({ activePartnerOrgIds: ['o'] }), 'manage', true, false],
    ['a manager asked to manage', base({ isManager: true }), 'manage', true, true],
  ] as const)('decides for %s: visible %s, permitted %s', (_, access, action, visible, permitted) => {
    expect(sut.decide(access, action)).toMatchObject({ what: 'Programme', visible, permitted });
  });

  it('treats a programme that does not exist as invisible', () => {
    expect(sut.decide(null, 'read')).toMatchObject({ visible: false, permitted: false });
  });
});
