import { Actor, CoreErrorCode, PlatformRole } from '@tandem/core';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditQueryService } from './audit-query.service';
import { ListAuditEventsDto } from './dto/list-audit-events.dto';

const actor = (platformRole: PlatformRole): Actor => ({
  userId: '33333333-3333-4333-8333-333333333333',
  email: 'someone@test',
  platformRole,
  sessionId: null,
  memberships: [],
});

describe(AuditQueryService.name, () => {
  const events = { list: jest.fn(async () => ({ items: [], nextCursor: null })) };
  const sut = new AuditQueryService(events as unknown as AuditEventsRepository);

  it('shows the trail to platform admins', async () => {
    await expect(sut.list(actor(PlatformRole.Admin), new ListAuditEventsDto())).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('refuses everyone else with 403 and reads nothing', () => {
    events.list.mockClear();
    expect(() => sut.list(actor(PlatformRole.User), new ListAuditEventsDto())).toThrow(
      expect.objectContaining({ code: CoreErrorCode.Forbidden }),
    );
    expect(events.list).not.toHaveBeenCalled();
  });
});
