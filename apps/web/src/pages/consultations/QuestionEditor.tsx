import { useState } from 'react';
import { api, call } from '../../api/client';
import { Consultation, Localized, Question } from '../../api/types';
import { ApiForm, Checkbox, InputField } from '../../form-fields';
import { FormAlert, useApiForm } from '../../forms';
import { localized, useI18n } from '../../i18n';
import { LanguageBlocks, localizedField } from './shared';

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
  const saveQuestion = async () => {
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
  };
  return (
    <ApiForm
      form={form}
      className="subform"
      aria-label={t('question.editing', { n: q.position })}
      submit={t('question.save')}
      onSubmit={saveQuestion}
    >
      <LanguageBlocks languages={c.languages}>
        {(l, language) => (
          <>
            <InputField
              label={t('question.promptIn', { language })}
              {...localizedField(form, 'prompt', prompt, setPrompt, l)}
            />
            {q.options.map((o, i) => (
              <InputField
                key={o.value}
                label={t('question.choiceIn', { n: i + 1, language })}
                {...localizedField(
                  form,
                  `options.${i}.label`,
                  labels[i],
                  (label) => setLabels(labels.map((x, j) => (j === i ? label : x))),
                  l,
                )}
              />
            ))}
          </>
        )}
      </LanguageBlocks>
      <Checkbox checked={required} onChange={setRequired}>
        {t('question.required')}
      </Checkbox>
    </ApiForm>
  );
}
