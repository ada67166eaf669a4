import { useState } from 'react';
import { api, call } from '../../api/client';
import { Consultation, Localized, Question } from '../../api/types';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { isRtl, localized, useI18n } from '../../i18n';
import { LANGUAGE_NAMES } from './shared';

/**
 * Before a consultation opens, each question can be moved up or down (PUT …/questions/order) and
 * edited in place: its wording and its choices' labels in every language, and whether it is required
 * (PATCH …/questions/{id}). The choices' values stay, so answers keep meaning the same thing.
 */
export function QuestionActions({
  c,
  q,
  index,
  reload,
}: {
  c: Consultation;
  q: Question;
  index: number;
  reload: () => void;
}) {
  const { t, lang } = useI18n();
  const move = useApiForm();
  const [editing, setEditing] = useState(false);
  const questions = c.questions ?? [];
  const name = localized(q.prompt, lang, c.defaultLanguage);
  const moveTo = (to: number) =>
    void move
      .run(async () => {
        const ids = questions.map((x) => x.id).filter((x) => x !== q.id);
        ids.splice(to, 0, q.id);
        await call(
          api.PUT('/consultations/{id}/questions/order', {
            params: { path: { id: c.id } },
            body: { questionIds: ids },
          }),
        );
      })
      .then((ok) => ok && reload());
  return (
    <>
      <span className="actions">
        <button
          type="button"
          className="small"
          disabled={index === 0}
          aria-label={`${t('question.moveUp')}: ${name}`}
          onClick={() => moveTo(index - 1)}
        >
          <span aria-hidden="true">↑ </span>
          {t('question.moveUp')}
        </button>
        <button
          type="button"
          className="small"
          disabled={index === questions.length - 1}
          aria-label={`${t('question.moveDown')}: ${name}`}
          onClick={() => moveTo(index + 1)}
        >
          <span aria-hidden="true">↓ </span>
          {t('question.moveDown')}
        </button>
        <button
          type="button"
          className="small"
          aria-expanded={editing}
          aria-label={`${t('question.edit')}: ${name}`}
          onClick={() => setEditing(!editing)}
        >
          {t('question.edit')}
        </button>
      </span>
      <FormAlert form={move} />
      {editing && (
        <EditQuestion
          c={c}
          q={q}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </>
  );
}

function EditQuestion({ c, q, onSaved }: { c: Consultation; q: Question; onSaved: () => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const [prompt, setPrompt] = useState<Localized>(q.prompt);
  const [labels, setLabels] = useState<Localized[]>(q.options.map((o) => o.label));
  const [required, setRequired] = useState(q.required);
  return (
    <form
      noValidate
      className="subform"
      aria-label={t('question.editing', { n: q.position })}
      onSubmit={form.onSubmit(async () => {
        await call(
          api.PATCH('/consultations/{id}/questions/{questionId}', {
            params: { path: { id: c.id, questionId: q.id } },
            body: {
              prompt,
              required,
              ...(q.options.length
                ? { options: q.options.map((o, i) => ({ value: o.value, label: labels[i] })) }
                : {}),
            },
          }),
        );
        onSaved();
      })}
    >
      <FormAlert form={form} />
      {c.languages.map((l) => (
        <div key={l} className="lang-block" lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
          <Field
            form={form}
            name={`prompt.${l}`}
            label={t('question.promptIn', { language: LANGUAGE_NAMES[l] ?? l })}
          >
            <input value={prompt[l] ?? ''} onChange={(e) => setPrompt({ ...prompt, [l]: e.target.value })} />
          </Field>
          {q.options.map((o, i) => (
            <Field
              key={o.value}
              form={form}
              name={`options.${i}.label.${l}`}
              label={t('question.choiceIn', { n: i + 1, language: LANGUAGE_NAMES[l] ?? l })}
            >
              <input
                value={labels[i][l] ?? ''}
                onChange={(e) =>
                  setLabels(labels.map((x, j) => (j === i ? { ...x, [l]: e.target.value } : x)))
                }
              />
            </Field>
          ))}
        </div>
      ))}
      <label className="inline">
        <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />{' '}
        {t('question.required')}
      </label>
      <SubmitButton form={form}>{t('question.save')}</SubmitButton>
    </form>
  );
}
