import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, call } from '../../api/client';
import { Consultation, Localized, Question, AnswerValue, ConsultationResponse } from '../../api/types';
import { useMe } from '../../auth';
import { Async, Back, fmtDateTime, PageTitle, useLoad, Card } from '../../components/common';
import { Field, FieldSet, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { isRtl, localized, respondText, useI18n } from '../../i18n';
import { MeetingsSection } from './MeetingsSection';
import { LanguageSelect, loadConsultation } from './shared';

/** The respondent's form, in the language they pick among those offered (Arabic right-to-left). */
export function RespondPage() {
  const { id = '' } = useParams();
  const { t, lang: uiLang } = useI18n();
  const me = useMe();
  const state = useLoad(() => loadConsultation(id), [id]);
  return (
    <>
      <Back to="/consultations">{t('consultations.title')}</Back>
      <Async state={state}>
        {(c) => {
          const preferred =
            [me.user.preferredLanguage, uiLang].find((l) => c.languages.includes(l)) ?? c.defaultLanguage;
          return <RespondForm c={c} initialLanguage={preferred} />;
        }}
      </Async>
    </>
  );
}

function RespondForm({ c, initialLanguage }: { c: Consultation; initialLanguage: string }) {
  const me = useMe();
  const [language, setLanguage] = useState(initialLanguage);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [organizationId, setOrganizationId] = useState(me.memberships[0]?.organizationId ?? '');
  const [done, setDone] = useState(false);
  const [existing, setExisting] = useState(false);
  const [mine, setMine] = useState<ConsultationResponse | null>(null);
  const form = useApiForm();
  const rt = (key: Parameters<typeof respondText>[1], params?: Record<string, string | number>) =>
    respondText(language, key, params);
  const dir = isRtl(language) ? 'rtl' : 'ltr';
  const text = (l: Localized) => localized(l, language, c.defaultLanguage);

  useEffect(() => {
    call<ConsultationResponse>(
      api.GET('/consultations/{id}/responses/mine', { params: { path: { id: c.id } } }),
    )
      .then((r) => {
        setExisting(true);
        setMine(r);
        setAnswers(Object.fromEntries(r.answers.map((a) => [a.questionId, a.value])));
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
      });
  }, [c.id]);

  const set = (q: Question, value: AnswerValue) => setAnswers({ ...answers, [q.id]: value });
  const open = c.status === 'open';
  const closed = c.status === 'closed' || c.status === 'outcome_published';
  const notice = closed
    ? rt('respond.closedNotice')
    : c.status === 'cancelled'
      ? rt('respond.notOpen')
      : rt('respond.notYetOpen');
  return (
    <div lang={language} dir={dir} className="respond">
      <PageTitle>{text(c.title)}</PageTitle>
      <Field form={form} name="language" label={rt('respond.language')}>
        <LanguageSelect languages={c.languages} value={language} onChange={setLanguage} />
      </Field>
      {text(c.description) && <p>{text(c.description)}</p>}
      <p>
        {open
          ? rt('respond.closes', { date: fmtDateTime(c.closesAt, language) })
          : closed
            ? rt('respond.closedOn', { date: fmtDateTime(c.closesAt, language) })
            : c.status !== 'cancelled' && rt('respond.opensOn', { date: fmtDateTime(c.opensAt, language) })}
        {c.status === 'outcome_published' && (
          <>
            {' '}
            · <Link to={`/consultations/${c.id}/outcome`}>{rt('respond.outcomeLink')}</Link>
          </>
        )}
      </p>
      {!open && (
        <p className="alert" role="status">
          {notice}
        </p>
      )}
      {closed && <OwnAnswer c={c} response={mine} language={language} />}
      {done && (
        <p className="alert alert-ok" role="status">
          ✓ {rt('respond.thanks')}
        </p>
      )}
      {open && (
        <form
          noValidate
          onSubmit={form.onSubmit(async () => {
            setDone(false);
            await call(
              api.PUT('/consultations/{id}/responses/mine', {
                params: { path: { id: c.id } },
                body: {
                  ...(me.memberships.length > 1 ? { organizationId } : {}),
                  answers: Object.entries(answers)
                    .filter(([, v]) => !(v === '' || (Array.isArray(v) && v.length === 0)))
                    .map(([questionId, value]) => ({ questionId, value: value as never })),
                },
              }),
            );
            setExisting(true);
            setDone(true);
          })}
        >
          <FormAlert form={form} />
          {me.memberships.length > 1 && (
            <Field form={form} name="organizationId" label={rt('respond.organization')}>
              <select value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
                {me.memberships.map((m) => (
                  <option key={m.organizationId} value={m.organizationId}>
                    {m.organizationName}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {(c.questions ?? []).map((q, i) => {
            const name = `answers.${q.id}`;
            const label = (
              <>
                {i + 1}. {text(q.prompt)}{' '}
                {q.required ? <span className="muted">({rt('respond.required')})</span> : null}
              </>
            );
            if (q.type === 'text')
              return (
                <Field key={q.id} form={form} name={name} label={label}>
                  <textarea
                    rows={3}
                    maxLength={q.maxLength ?? undefined}
                    value={(answers[q.id] as string) ?? ''}
                    onChange={(e) => set(q, e.target.value)}
                  />
                </Field>
              );
            if (q.type === 'single_choice' || q.type === 'scale') {
              const choices =
                q.type === 'scale'
                  ? [1, 2, 3, 4, 5].map((n) => ({ value: n as AnswerValue, label: String(n) }))
                  : q.options.map((o) => ({ value: o.value as AnswerValue, label: text(o.label) }));
              return (
                <FieldSet key={q.id} form={form} name={name} legend={label}>
                  {q.type === 'scale' && <p className="hint">{rt('respond.scaleHint')}</p>}
                  <div className={q.type === 'scale' ? 'checks scale' : 'checks'}>
                    {choices.map((o) => (
                      <label key={String(o.value)} className="inline">
                        <input
                          type="radio"
                          name={name}
                          checked={answers[q.id] === o.value}
                          onChange={() => set(q, o.value)}
                        />{' '}
                        {o.label}
                      </label>
                    ))}
                  </div>
                </FieldSet>
              );
            }
            const chosen = (answers[q.id] as string[]) ?? [];
            return (
              <FieldSet key={q.id} form={form} name={name} legend={label}>
                <div className="checks">
                  {q.options.map((o) => (
                    <label key={o.value} className="inline">
                      <input
                        type="checkbox"
                        checked={chosen.includes(o.value)}
                        onChange={(e) =>
                          set(
                            q,
                            e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value),
                          )
                        }
                      />{' '}
                      {text(o.label)}
                    </label>
                  ))}
                </div>
              </FieldSet>
            );
          })}
          <SubmitButton form={form}>{existing ? rt('respond.update') : rt('respond.submit')}</SubmitButton>
        </form>
      )}
      <MeetingsSection c={c} owner={false} language={language} signUpOpen={!closed} />
    </div>
  );
}

/** After closing, the respondent reads back what her organisation sent, in the language she reads. */
function OwnAnswer({
  c,
  response,
  language,
}: {
  c: Consultation;
  response: ConsultationResponse | null;
  language: string;
}) {
  const rt = (key: Parameters<typeof respondText>[1], params?: Record<string, string | number>) =>
    respondText(language, key, params);
  const text = (l: Localized) => localized(l, language, c.defaultLanguage);
  const shown = (q: Question): string => {
    const value = response?.answers.find((a) => a.questionId === q.id)?.value;
    if (value === undefined || value === null || value === '') return rt('respond.notAnswered');
    const label = (v: unknown) => {
      const option = q.options.find((o) => o.value === v);
      return option ? text(option.label) : String(v);
    };
    return Array.isArray(value) ? value.map(label).join(isRtl(language) ? '، ' : ', ') : label(value);
  };
  return (
    <Card id="sec-own-answer" title={rt('respond.yourAnswer')}>
      {response ? (
        <>
          <p className="muted">{rt('respond.sentOn', { date: fmtDateTime(response.updatedAt, language) })}</p>
          <dl className="answers">
            {(c.questions ?? []).map((q, i) => (
              <div key={q.id}>
                <dt>
                  {i + 1}. {text(q.prompt)}
                </dt>
                <dd>{shown(q)}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p>{rt('respond.noAnswer')}</p>
      )}
    </Card>
  );
}
