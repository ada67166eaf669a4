import { userActor } from '@tandem/core';
import { BankQuestion } from './entities';
import { MeasuringRepository } from './measuring.repository';
import { QuestionBankService } from './question-bank.service';

const question = {
  id: 'b1',
  type: 'single_choice',
  prompt: { en: 'Welcome?' },
  options: [
    { value: 'yes', label: { en: 'Yes' } },
    { value: 'no', label: { en: 'No' } },
    { value: 'unsure', label: { en: 'Not sure' } },
  ],
  dimensions: ['social'],
  createdAt: new Date(0),
  version: 1,
} as unknown as BankQuestion;

const answers = (consultationId: string, values: string[]) =>
  values.map((answer) => ({
    consultationId,
    ownerOrganizationId: `o-${consultationId}`,
    questionId: 'q',
    answer,
  }));

describe(QuestionBankService.name, () => {
  const repo = { bankQuestion: jest.fn(), bankAnswers: jest.fn() };
  const sut = new QuestionBankService(
    {} as never,
    repo as unknown as MeasuringRepository,
    { assertCurator: jest.fn() } as never,
    {} as never,
  );
  beforeEach(() => repo.bankQuestion.mockResolvedValue(question));

  it('shows nothing below the threshold, per consultation or combined', async () => {
    repo.bankAnswers.mockResolvedValue({
      consultations: [{ id: 'c1', ownerOrganizationId: 'o-c1' }],
      answers: answers('c1', ['yes', 'yes', 'no', 'yes']),
    });
    const r = await sut.results('b1');
    expect(r.answered).toBeNull();
    expect(r.cells.every((c) => c.count === null && c.suppressed)).toBe(true);
  });

  it('combines consultations; small cells hidden, plus one more so the total cannot reveal it', async () => {
    repo.bankAnswers.mockResolvedValue({
      consultations: [
        { id: 'c1', ownerOrganizationId: 'o-c1' },
        { id: 'c2', ownerOrganizationId: 'o-c2' },
      ],
      answers: [
        ...answers('c1', ['yes', 'yes', 'yes', 'no']),
        ...answers('c2', ['yes', 'yes', 'yes', 'yes', 'unsure', 'no', 'no', 'no', 'no']),
      ],
    });
    const r = await sut.results('b1');
    // 13 answers: yes 7, no 5, unsure 1 → unsure hidden, and no (the next smallest) too.
    expect(r.answered).toBe(13);
    expect(r.cells).toEqual([
      { value: 'yes', count: 7, suppressed: false },
      { value: 'no', count: null, suppressed: true },
      { value: 'unsure', count: null, suppressed: true },
    ]);
    expect(r.consultations.map((c) => c.answered)).toEqual([null, 9]);
  });

  it('is 403 for anyone but a curator', async () => {
    const curatorCheck = jest.fn(() => {
      throw new Error('forbidden');
    });
    const guarded = new QuestionBankService(
      {} as never,
      repo as never,
      { assertCurator: curatorCheck } as never,
      {} as never,
    );
    const actor = userActor({ userId: 'u', email: 'e' });
    await expect(
      guarded.create(actor, { type: 'scale', prompt: { en: 'x' }, dimensions: ['social'] }),
    ).rejects.toThrow('forbidden');
  });
});
