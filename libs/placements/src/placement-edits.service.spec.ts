import { DomainWrite } from '@tandem/audit';
import { Actor } from '@tandem/core';
import { EntityManager } from 'typeorm';
import { CheckInsRepository } from './check-ins.repository';
import { Placement, PlacementStatus } from './entities';
import { PlacementAccessService } from './placement-access.service';
import { PlacementEditsService } from './placement-edits.service';
import { PlacementsError, PlacementsErrorCode } from './placements.errors';
import { PlacementsRepository } from './placements.repository';
import { PlacementsService } from './placements.service';

const actor = { userId: 'u', memberships: [{ organizationId: 'employer' }] } as unknown as Actor;

const placement = (extra: Partial<Placement> = {}) =>
  ({
    id: 'p',
    participantId: 'pa',
    employerOrganizationId: 'employer',
    jobTitle: 'Baker',
    occupationCode: '7512',
    sector: 'C',
    contractType: 'permanent',
    hoursPerWeek: 38,
    startDate: '2025-11-30',
    status: PlacementStatus.Active,
    endDate: null,
    version: 3,
    ...extra,
  }) as Placement;

describe(PlacementEditsService.name, () => {
  const em = {} as EntityManager;
  let current: Placement;
  let taken: boolean;
  const write = {
    run: jest.fn((work: (em: EntityManager) => Promise<void>) => work(em)),
    audit: jest.fn(),
  };
  const placements = {
    findVisible: jest.fn(async () => current),
    get: jest.fn(async () => ({ id: 'p' })),
    assertStartDate: jest.fn(),
  };
  const repository = { save: jest.fn(), otherStartsOn: jest.fn(async () => taken) };
  const checkIns = { reschedule: jest.fn() };
  const sut = new PlacementEditsService(
    write as unknown as DomainWrite,
    placements as unknown as PlacementsService,
    repository as unknown as PlacementsRepository,
    checkIns as unknown as CheckInsRepository,
    new PlacementAccessService(),
  );

  const refusal = async (dto: object): Promise<[string, string | undefined]> => {
    const err = await sut.update(actor, 'p', 3, dto).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlacementsError);
    const e = err as PlacementsError;
    return [e.code, e.errors?.[0]?.field];
  };

  beforeEach(() => {
    jest.clearAllMocks();
    current = placement();
    taken = false;
  });

  it('moves the start date and the check-ins with it (month ends clamped), audited by field name', async () => {
    await sut.update(actor, 'p', 3, { startDate: '2025-11-30' });
    expect(repository.save).not.toHaveBeenCalled();

    await sut.update(actor, 'p', 3, { startDate: '2025-08-31' });
    expect(repository.save).toHaveBeenCalledWith(
      em,
      expect.objectContaining({ startDate: '2025-08-31', version: 4 }),
    );
    expect(checkIns.reschedule).toHaveBeenCalledWith(
      em,
      'p',
      [
        { months: 3, dueOn: '2025-11-30' },
        { months: 6, dueOn: '2026-02-28' },
        { months: 12, dueOn: '2026-08-31' },
      ],
      null,
    );
    expect(write.audit).toHaveBeenCalledWith(
      em,
      expect.objectContaining({ after: { version: 4, changed: ['startDate'] } }),
    );
  });

  it('leaves the check-ins alone when only job details change', async () => {
    await sut.update(actor, 'p', 3, { jobTitle: ' Head baker ', startDate: '2025-11-30' });
    expect(repository.save).toHaveBeenCalledWith(em, expect.objectContaining({ jobTitle: 'Head baker' }));
    expect(repository.otherStartsOn).not.toHaveBeenCalled();
    expect(checkIns.reschedule).not.toHaveBeenCalled();
  });

  it('refuses a day another placement of the person starts (409 startDate) and changes nothing', async () => {
    taken = true;
    expect(await refusal({ startDate: '2025-09-01' })).toEqual([
      PlacementsErrorCode.PlacementAlreadyLogged,
      'startDate',
    ]);
    expect(repository.save).not.toHaveBeenCalled();
    expect(checkIns.reschedule).not.toHaveBeenCalled();
  });

  it('an ended placement: the start date only, not after the end date; the end re-applied to the check-ins', async () => {
    current = placement({ status: PlacementStatus.Ended, endDate: '2026-01-15' });
    expect(await refusal({ jobTitle: 'Chef' })).toEqual([
      PlacementsErrorCode.PlacementAlreadyEnded,
      undefined,
    ]);
    expect(await refusal({})).toEqual([PlacementsErrorCode.PlacementAlreadyEnded, undefined]);
    expect(await refusal({ startDate: '2025-10-01', hoursPerWeek: 38 })).toEqual([
      PlacementsErrorCode.PlacementAlreadyEnded,
      undefined,
    ]);
    expect(await refusal({ startDate: '2026-01-16' })).toEqual([
      PlacementsErrorCode.InvalidPlacementDate,
      'startDate',
    ]);
    expect(repository.save).not.toHaveBeenCalled();

    await sut.update(actor, 'p', 3, { startDate: '2026-01-15' });
    expect(checkIns.reschedule).toHaveBeenCalledWith(em, 'p', expect.any(Array), '2026-01-15');
  });
});
