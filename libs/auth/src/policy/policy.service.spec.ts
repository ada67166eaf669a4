import { CoreError, CoreErrorCode, MembershipRole, PlatformRole, Actor } from '@tandem/core';

import { PolicyService } from './policy.service';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';

const actor = (platformRole: PlatformRole, memberships: Actor['memberships'] = []): Actor => ({
  userId: '33333333-3333-4333-8333-333333333333',
  email: 'someone@test',
  platformRole,
  sessionId: null,
  memberships,
});

describe(PolicyService.name, () => {
  const sut = new PolicyService();
  const admin = actor(PlatformRole.Admin);
  const orgAdminOfA = actor(PlatformRole.User, [{ organizationId: ORG_A, role: MembershipRole.OrgAdmin }]);
  const memberOfA = actor(PlatformRole.User, [{ organizationId: ORG_A, role: MembershipRole.Member }]);

  it('lets platform admins do anything', () => {
    expect(sut.can(admin, 'create', 'Organization')).toBe(true);
    expect(sut.can(admin, 'list', 'AuditEvent')).toBe(true);
  });

  it('shows an organisation to its members only', () => {
    expect(sut.can(memberOfA, 'read', 'Organization', { id: ORG_A })).toBe(true);
    expect(sut.can(memberOfA, 'read', 'Organization', { id: ORG_B })).toBe(false);
    expect(sut.can(memberOfA, 'list', 'Organization')).toBe(true);
    expect(sut.can(memberOfA, 'list', 'AuditEvent')).toBe(false);
  });

  it('lets org admins, not members, invite and manage members of their own organisation', () => {
    expect(sut.can(orgAdminOfA, 'create', 'Invitation', { organizationId: ORG_A })).toBe(true);
    expect(sut.can(orgAdminOfA, 'create', 'Invitation', { organizationId: ORG_B })).toBe(false);
    expect(sut.can(memberOfA, 'create', 'Invitation', { organizationId: ORG_A })).toBe(false);
    expect(sut.can(orgAdminOfA, 'delete', 'Membership', { organizationId: ORG_A })).toBe(true);
    expect(sut.can(memberOfA, 'update', 'Membership', { organizationId: ORG_A })).toBe(false);
  });

  it('reports a record one may not see as missing, one one may see but not change as forbidden', () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
        return 'allowed';
      } catch (err) {
        return (err as CoreError).code;
      }
    };
    expect(codeOf(() => sut.assert(memberOfA, 'update', 'Organization', { id: ORG_B }))).toBe(
      CoreErrorCode.NotFound,
    );
    expect(codeOf(() => sut.assert(memberOfA, 'update', 'Organization', { id: ORG_A }))).toBe(
      CoreErrorCode.Forbidden,
    );
    expect(codeOf(() => sut.assert(orgAdminOfA, 'update', 'Organization', { id: ORG_A }))).toBe('allowed');
  });
});
