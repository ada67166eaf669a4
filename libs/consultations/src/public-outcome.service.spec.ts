import { domainWriteOver } from '@tandem/audit';
import { Actor, Clock, CoreError } from '@tandem/core';
import { ConsultationAccessService } from './consultation-access.service';
import { ConsultationsError } from './consultations.errors';
import { UpdateConsultationDto } from './dto';
import { Consultation, ConsultationStatus as S } from './entities';
import { PublicConsultationsRepository } from './public-consultations.repository';
import { PublicOutcomeService } from './public-outcome.service';

describe(PublicOutcomeService.name, () => {
  const now = new Date('2027-05-01T10:00:00Z');
  const actor = { userId: 'u1', memberships: [] } as unknown as Actor;
  let consultation: Consultation;
  let setPublication: jest.Mock;
  let record: jest.Mock;
  let sut: PublicOutcomeService;
  const dto = (v: Partial<UpdateConsultationDto>) => Object.assign(new UpdateConsultationDto(), v);

  beforeEach(() => {
    consultation = {
      id: 'c1',
      status: S.OutcomePublished,
      version: 4,
      publicOutcome: false,
      publicFreeTexts: false,
      publicOutcomeAt: null,
    } as unknown as Consultation;
    setPublication = jest.fn();
    record = jest.fn();
    sut = new PublicOutcomeService(
      domainWriteOver({}, { audit: { record } }),
      { require: jest.fn(async () => ({ consultation })) } as unknown as ConsultationAccessService,
      { setPublication } as unknown as PublicConsultationsRepository,
      { now: () => now } as Clock,
    );
  });

  it('makes a published outcome public, stamps when, and audits the change', async () => {
    await sut.set(actor, 'c1', 4, dto({ publicOutcome: true }));
    expect(setPublication).toHaveBeenCalledWith({}, 'c1', {
      publicOutcome: true,
      publicFreeTexts: false,
      publicOutcomeAt: now,
    });
    expect(record).toHaveBeenCalledWith(
      {},
      expect.objectContaining({
        before: { publicOutcome: false, publicFreeTexts: false },
        after: { publicOutcome: true, publicFreeTexts: false },
      }),
    );
  });

  it('refuses an outcome that is not published, naming the field', async () => {
    consultation.status = S.Closed;
    const err = await sut.set(actor, 'c1', 4, dto({ publicOutcome: true })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConsultationsError);
    expect((err as ConsultationsError).errors?.[0].field).toBe('publicOutcome');
    expect(setPublication).not.toHaveBeenCalled();
  });

  it('free texts need a public outcome; withdrawing clears them', async () => {
    const err = await sut.set(actor, 'c1', 4, dto({ publicFreeTexts: true })).catch((e: unknown) => e);
    expect((err as ConsultationsError).errors?.[0].field).toBe('publicFreeTexts');
    Object.assign(consultation, { publicOutcome: true, publicFreeTexts: true, publicOutcomeAt: now });
    await sut.set(actor, 'c1', 4, dto({ publicOutcome: false }));
    expect(setPublication).toHaveBeenCalledWith({}, 'c1', {
      publicOutcome: false,
      publicFreeTexts: false,
      publicOutcomeAt: now,
    });
  });

  it('is sent alone, and a stale version is refused', async () => {
    const mixed = await sut
      .set(actor, 'c1', 4, dto({ publicOutcome: true, anonymous: true }))
      .catch((e: unknown) => e);
    expect((mixed as CoreError).errors?.[0].field).toBe('anonymous');
    await expect(sut.set(actor, 'c1', 3, dto({ publicOutcome: true }))).rejects.toThrow();
    expect(setPublication).not.toHaveBeenCalled();
  });

  it('changes nothing and records nothing when nothing changes', async () => {
    await sut.set(actor, 'c1', 4, dto({ publicOutcome: false }));
    expect(setPublication).not.toHaveBeenCalled();
    expect(record).not.toHaveBeenCalled();
  });
});
