import { useState } from 'react';
import { api, call } from '../../api/client';
import { Card } from '../../components/common';
import { Consultation, Localized } from '../../api/types';
import { Checkbox, InputField, SelectField, SubForm, TextAreaField, useFormValues } from '../../form-fields';
import { useApiForm } from '../../forms';
import { Key, localized, useI18n } from '../../i18n';
import { LanguageBlocks, localizedField, QUESTION_TYPES } from './shared';
import { QuestionActions } from './QuestionEditor';
import { useConfirm } from '../../components/ConfirmDialog';

export function QuestionsSection({
  c,
  editable,
  reload,
}: {
  c: Consultation;
  editable: boolean;
  reload: () => void;
}) {
  const { t, lang } = useI18n();
  const confirm = useConfirm();
  const form = useApiForm();
  const [prompt, setPrompt] = useState<Localized>({});
  // Options: one per line, the same number of lines in each language.
  const [options, setOptions] = useState<Localized>({});
  const [required, setRequired] = useState(true);
  const { values, field } = useFormValues(form, { type: 'single_choice' as (typeof QUESTION_TYPES)[number] });
  const { type } = values;
  const choice = type === 'single_choice' || type === 'multiple_choice';
  const questions = c.questions ?? [];
  const addQuestion = async () => {
    const lines = Object.fromEntries(
      c.languages.map((l) => [
        l,
        (options[l] ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      ]),
    );
    const count = Math.max(0, ...Object.values(lines).map((x) => x.length));
    await call(
      api.POST('/consultations/{id}/questions', {
        params: { path: { id: c.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: {
          type,
          prompt,
          required,
          ...(choice
            ? {
                options: Array.from({ length: count }, (_, i) => ({
                  value: `option_${i + 1}`,
                  label: Object.fromEntries(
                    c.languages.filter((l) => lines[l][i]).map((l) => [l, lines[l][i]]),
                  ),
                })),
              }
            : {}),
        },
      }),
    );
    setPrompt({});
    setOptions({});
    reload();
  };
  return (
    <Card id="sec-questions" title={t('questions.title')}>
      {questions.length === 0 ? (
        <p className="muted">{t('questions.none')}</p>
      ) : (
        <ol className="list">
          {questions.map((q, index) => (
            <li key={q.id}>
              {localized(q.prompt, lang, c.defaultLanguage)}{' '}
              <span className="muted">({t(`question.type.${q.type}` as Key)})</span>
              {q.options.length > 0 && (
                <ul>
                  {q.options.map((o) => (
                    <li key={o.value}>{localized(o.label, lang, c.defaultLanguage)}</li>
                  ))}
                </ul>
              )}
              {editable && <QuestionActions c={c} q={q} index={index} reload={reload} />}
              {editable && (
                <button
                  type="button"
                  className="small danger"
                  onClick={async () => {
                    const title = localized(q.prompt, lang, c.defaultLanguage);
                    if (
                      !(await confirm({
                        title: t('confirm.actionTitle', { action: t('common.delete'), title }),
                        body: t('confirm.question.delete', { title }),
                        confirm: t('common.delete'),
                        danger: true,
                      }))
                    )
                      return;
                    await call(
                      api.DELETE('/consultations/{id}/questions/{questionId}', {
                        params: { path: { id: c.id, questionId: q.id } },
                      }),
                    );
                    reload();
                  }}
                >
                  {t('common.delete')}
                  <span className="visually-hidden">: {localized(q.prompt, lang, c.defaultLanguage)}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <SubForm form={form} title={t('question.new')} submit={t('question.add')} onSubmit={addQuestion}>
          <SelectField
            label={t('question.type')}
            values={QUESTION_TYPES}
            labels="question.type"
            {...field('type')}
          />
          <LanguageBlocks languages={c.languages}>
            {(l, language) => (
              <>
                <InputField
                  label={t('question.promptIn', { language })}
                  {...localizedField(form, 'prompt', prompt, setPrompt, l)}
                />
                {choice && (
                  <TextAreaField
                    rows={3}
                    label={t('question.optionsIn', { language })}
                    hint={t('question.optionsHint')}
                    {...localizedField(form, 'options', options, setOptions, l)}
                  />
                )}
              </>
            )}
          </LanguageBlocks>
          <Checkbox checked={required} onChange={setRequired}>
            {t('question.required')}
          </Checkbox>
        </SubForm>
      )}
    </Card>
  );
}
