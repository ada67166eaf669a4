import { Actor, CoreError, CoreErrorCode, MembershipRole, PlatformRole } from '@tandem/core';
import { OrganizationAccessService } from './organization-access.service';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';

const actor = (platformRole: PlatformRole, memberships: Actor['memberships'] = []): Actor => ({
  userId: '33333333-3333-4333-8333-333333333333',
  email: 'someone@test',
  platformRole,
  sessionId: null,
  memberships,
});

const outcome = (fn: () => void): string => {
  try {
    fn();
    return 'allowed';
  } catch (err) {
    return (err as CoreError).code;
  }
};

describe(OrganizationAccessService.name, () => {
  const sut = new OrganizationAccessService();
  const admin = actor(PlatformRole.Admin);
  const orgAdminOfA = actor(PlatformRole.User, [{ organizationId: ORG_A, role: MembershipRole.OrgAdmin }]);
  const memberOfA = actor(PlatformRole.User, [{ organizationId: ORG_A, role: MembershipRole.Member }]);

  it('lets platform admins create and do anything', () => {
    expect(outcome(() => sut.assertCanCreate(admin))).toBe('allowed');
    expect(outcome(() => sut.assert(admin, ORG_B, 'update'))).toBe('allowed');
    expect(outcome(() => sut.assertCanCreate(orgAdminOfA))).toBe(CoreErrorCode.Forbidden);
  });

  it.each([
    ['a member reads its own organisation', memberOfA, ORG_A, 'read', 'allowed'],
    ['a member does not see another organisation', memberOfA, ORG_B, 'read', CoreErrorCode.NotFound],
    ['a member sees but may not edit', memberOfA, ORG_A, 'update', CoreErrorCode.Forbidden],
    ['a member may not manage members', memberOfA, ORG_A, 'manageMembers', CoreErrorCode.Forbidden],
    ['an org admin invites to its organisation', orgAdminOfA, ORG_A, 'invite', 'allowed'],
    ['an org admin manages its members', orgAdminOfA, ORG_A, 'manageMembers', 'allowed'],
    ['an org admin cannot reach another organisation', orgAdminOfA, ORG_B, 'invite', CoreErrorCode.NotFound],
  ] as const)('%s', (_, who, org, action, expected) => {
    expect(outcome(() => sut.assert(who, org, action))).toBe(expected);
  });
});
