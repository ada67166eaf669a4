import { useState } from 'react';
import { api, call } from '../../api/client';
import { Card } from '../../components/common';
import { Consultation, Localized } from '../../api/types';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { isRtl, Key, localized, useI18n } from '../../i18n';
import { LANGUAGE_NAMES, QUESTION_TYPES } from './shared';
import { EnumSelect } from '../../components/EnumSelect';
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
  const [type, setType] = useState<(typeof QUESTION_TYPES)[number]>('single_choice');
  const [prompt, setPrompt] = useState<Localized>({});
  // Options: one per line, the same number of lines in each language.
  const [options, setOptions] = useState<Localized>({});
  const [required, setRequired] = useState(true);
  const choice = type === 'single_choice' || type === 'multiple_choice';
  const questions = c.questions ?? [];
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
        <form
          noValidate
          className="subform"
          aria-labelledby="new-question"
          onSubmit={form.onSubmit(async () => {
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
          })}
        >
          <h3 id="new-question">{t('question.new')}</h3>
          <FormAlert form={form} />
          <Field form={form} name="type" label={t('question.type')}>
            <EnumSelect
              values={QUESTION_TYPES}
              labels="question.type"
              value={type}
              onChange={(e) => setType(e.target.value as typeof type)}
            />
          </Field>
          {c.languages.map((l) => (
            <div key={l} className="lang-block" lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
              <Field
                form={form}
                name={`prompt.${l}`}
                label={t('question.promptIn', { language: LANGUAGE_NAMES[l] ?? l })}
              >
                <input
                  value={prompt[l] ?? ''}
                  onChange={(e) => setPrompt({ ...prompt, [l]: e.target.value })}
                />
              </Field>
              {choice && (
                <Field
                  form={form}
                  name={`options.${l}`}
                  label={t('question.optionsIn', { language: LANGUAGE_NAMES[l] ?? l })}
                  hint={t('question.optionsHint')}
                >
                  <textarea
                    rows={3}
                    value={options[l] ?? ''}
                    onChange={(e) => setOptions({ ...options, [l]: e.target.value })}
                  />
                </Field>
              )}
            </div>
          ))}
          <label className="inline">
            <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />{' '}
            {t('question.required')}
          </label>
          <SubmitButton form={form}>{t('question.add')}</SubmitButton>
        </form>
      )}
    </Card>
  );
}
