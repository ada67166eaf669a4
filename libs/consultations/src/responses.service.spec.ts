import { DomainWrite } from '@tandem/audit';
import { Clock, CoreError } from '@tandem/core';
import { DataSource } from 'typeorm';
import { ConsultationAccessService } from './consultation-access.service';
import { ConsultationQuestion, QuestionType } from './entities';
import { QuestionsRepository } from './questions.repository';
import { ResponsesRepository } from './responses.repository';
import { ResponsesService } from './responses.service';

const question = (id: string, type: QuestionType, extra: Partial<ConsultationQuestion> = {}) =>
  ({
    id,
    consultationId: 'c',
    position: 1,
    type,
    prompt: { en: id },
    options:
      type === QuestionType.SingleChoice || type === QuestionType.MultipleChoice
        ? [
            { value: 'a', label: { en: 'A' } },
            { value: 'b', label: { en: 'B' } },
          ]
        : [],
    required: false,
    maxLength: null,
    ...extra,
  }) as ConsultationQuestion;

describe(ResponsesService.name, () => {
  const sut = new ResponsesService(
    {} as DomainWrite,
    new ResponsesRepository({} as DataSource),
    new QuestionsRepository({} as DataSource),
    {} as ConsultationAccessService,
    new Clock(),
  );
  const questions = [
    question('single', QuestionType.SingleChoice, { required: true }),
    question('multi', QuestionType.MultipleChoice),
    question('scale', QuestionType.Scale, { required: true }),
    question('text', QuestionType.Text, { maxLength: 10 }),
  ];
  const valid = [
    { questionId: 'single', value: 'a' },
    { questionId: 'multi', value: ['a', 'b', 'a'] },
    { questionId: 'scale', value: 5 },
    { questionId: 'text', value: 'short' },
  ];
  const fieldsOf = (answers: { questionId: string; value: unknown }[]): string[] => {
    try {
      sut.validate(questions, { answers } as never);
    } catch (err) {
      expect(err).toBeInstanceOf(CoreError);
      return ((err as CoreError).errors ?? []).map((e) => e.field);
    }
    return [];
  };
  const swap = (questionId: string, value: unknown) =>
    valid.map((a) => (a.questionId === questionId ? { questionId, value } : a));

  it('accepts valid answers and drops repeated options', () => {
    expect(sut.validate(questions, { answers: valid } as never)).toEqual({
      single: 'a',
      multi: ['a', 'b'],
      scale: 5,
      text: 'short',
    });
  });

  it('names the question of each bad answer', () => {
    expect(fieldsOf(swap('single', 'z'))).toEqual(['answers.single']);
    expect(fieldsOf(swap('single', ['a']))).toEqual(['answers.single']);
    expect(fieldsOf(swap('multi', ['a', 'z']))).toEqual(['answers.multi']);
    expect(fieldsOf(swap('multi', 'a'))).toEqual(['answers.multi']);
    expect(fieldsOf(swap('scale', 0))).toEqual(['answers.scale']);
    expect(fieldsOf(swap('scale', 6))).toEqual(['answers.scale']);
    expect(fieldsOf(swap('scale', 3.5))).toEqual(['answers.scale']);
    expect(fieldsOf(swap('scale', '3'))).toEqual(['answers.scale']);
    expect(fieldsOf(swap('text', 'x'.repeat(11)))).toEqual(['answers.text']);
    expect(fieldsOf(swap('text', 42))).toEqual(['answers.text']);
  });

  it('requires required questions, refuses unknown and repeated ones', () => {
    expect(fieldsOf(valid.filter((a) => a.questionId !== 'scale'))).toEqual(['answers.scale']);
    expect(fieldsOf([])).toEqual(['answers.single', 'answers.scale']);
    expect(fieldsOf([...valid, { questionId: 'other', value: 'a' }])).toEqual(['answers.other']);
    expect(fieldsOf([...valid, { questionId: 'text', value: 'again' }])).toEqual(['answers.text']);
  });

  it('optional questions may be left out', () => {
    expect(
      sut.validate(questions, {
        answers: [
          { questionId: 'single', value: 'b' },
          { questionId: 'scale', value: 1 },
        ],
      } as never),
    ).toEqual({ single: 'b', scale: 1 });
  });
});
