import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Consultation, Localized } from '../../api/types';
import { isAdmin, useMe } from '../../auth';
import {
  Async,
  Back,
  fmtDateTime,
  fromLocalDateTime,
  PageTitle,
  StateBadge,
  useLoad,
} from '../../components/common';
import { Field, FieldSet, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { ConfirmButton, useConfirm } from '../../components/ConfirmDialog';
import { isRtl, Key, localized, useI18n } from '../../i18n';
import { MeetingsSection } from './MeetingsSection';
import { QuestionsSection } from './QuestionsSection';
import {
  InviteeChecks,
  LANGUAGE_NAMES,
  TextsFields,
  loadConsultation,
  toLocalInput,
  useDirectory,
} from './shared';

/** The confirmation text of each status change (what happens, who is told). */
const CONFIRM_MOVE: Record<string, string> = {
  scheduled: 'schedule',
  open: 'open',
  closed: 'close',
  cancelled: 'cancel',
};

/** The owner's editor: texts, questions, invitations, schedule, meetings, status, outcome. */
export function ConsultationEditorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const state = useLoad(() => loadConsultation(id), [id]);
  const owner = state.data
    ? me.memberships.some((m) => m.organizationId === state.data!.organizationId) || isAdmin(me)
    : false;
  return (
    <>
      <Back to="/consultations">{t('consultations.title')}</Back>
      <Async state={state}>
        {(c) =>
          owner ? (
            <Editor c={c} reload={state.reload} />
          ) : (
            // Invitees answer; the editor is the owners'.
            <Navigate to={`/consultations/${c.id}/respond`} replace />
          )
        }
      </Async>
    </>
  );
}

function Editor({ c, reload }: { c: Consultation; reload: () => void }) {
  const { t, lang } = useI18n();
  const editable = c.status === 'draft' || c.status === 'scheduled';
  const moveForm = useApiForm();
  const moves: Record<string, string[]> = {
    draft: ['scheduled', 'cancelled'],
    scheduled: ['open', 'cancelled'],
    open: ['closed', 'cancelled'],
  };
  return (
    <>
      <PageTitle>{localized(c.title, lang, c.defaultLanguage)}</PageTitle>
      <p>
        <StateBadge state={c.status} /> · {t('consultation.opens')} {fmtDateTime(c.opensAt, lang)} ·{' '}
        {t('consultation.closes')} {fmtDateTime(c.closesAt, lang)}
      </p>
      <FormAlert form={moveForm} />
      <div className="actions">
        {(moves[c.status] ?? []).map((to) => (
          <span key={to} className={to === 'cancelled' ? 'danger-zone' : undefined}>
            <ConfirmButton
              form={moveForm}
              className={to === 'cancelled' ? 'danger' : 'primary'}
              ask={{
                title: t('confirm.actionTitle', {
                  action: t(`consultation.to.${to}` as Key),
                  title: localized(c.title, lang, c.defaultLanguage),
                }),
                body: t(`confirm.consultation.${CONFIRM_MOVE[to] ?? 'open'}` as Key),
                confirm: t(`consultation.to.${to}` as Key),
                danger: to === 'cancelled',
              }}
              action={async () => {
                await call(
                  api.POST('/consultations/{id}/transitions', {
                    params: { path: { id: c.id } },
                    body: { to: to as 'scheduled' },
                  }),
                );
              }}
            >
              {t(`consultation.to.${to}` as Key)}
            </ConfirmButton>
          </span>
        ))}
        {c.status !== 'draft' && (
          <Link className="button" to={`/consultations/${c.id}/results`}>
            {t('consultation.results')}
          </Link>
        )}
        {c.status === 'outcome_published' && (
          <Link className="button" to={`/consultations/${c.id}/outcome`}>
            {t('consultation.outcome')}
          </Link>
        )}
      </div>
      {editable && <SettingsForm c={c} reload={reload} />}
      <QuestionsSection c={c} editable={editable} reload={reload} />
      <MeetingsSection c={c} owner />
      {c.status === 'closed' && <OutcomeForm c={c} reload={reload} />}
    </>
  );
}

function SettingsForm({ c, reload }: { c: Consultation; reload: () => void }) {
  const { t } = useI18n();
  const form = useApiForm();
  const directory = useDirectory();
  const [title, setTitle] = useState<Localized>(c.title);
  const [description, setDescription] = useState<Localized>(c.description ?? {});
  const [opensAt, setOpensAt] = useState(toLocalInput(c.opensAt));
  const [closesAt, setClosesAt] = useState(toLocalInput(c.closesAt));
  const [invited, setInvited] = useState<string[]>(c.invitedOrganizationIds);
  const [saved, setSaved] = useState(false);
  return (
    <section className="card" aria-labelledby="sec-settings">
      <h2 id="sec-settings">{t('consultation.settings')}</h2>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          setSaved(false);
          await call(
            api.PATCH('/consultations/{id}', {
              params: { path: { id: c.id }, header: { 'If-Match': `"${c.version}"` } },
              body: {
                title,
                description,
                opensAt: fromLocalDateTime(opensAt),
                closesAt: fromLocalDateTime(closesAt),
                ...(c.audience === 'invited' ? { invitedOrganizationIds: invited } : {}),
              },
            }),
          );
          setSaved(true);
          reload();
        })}
      >
        <FormAlert form={form} />
        {saved && (
          <p role="status" className="alert alert-ok">
            ✓ {t('common.saved')}
          </p>
        )}
        <TextsFields
          form={form}
          languages={c.languages}
          title={title}
          description={description}
          setTitle={setTitle}
          setDescription={setDescription}
        />
        <div className="row">
          <Field form={form} name="opensAt" label={t('consultation.opens')}>
            <input type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
          </Field>
          <Field form={form} name="closesAt" label={t('consultation.closes')}>
            <input type="datetime-local" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
          </Field>
        </div>
        {c.audience === 'invited' && (
          <FieldSet form={form} name="invitedOrganizationIds" legend={t('consultation.invitations')}>
            <Async state={directory}>
              {(orgs) => (
                <InviteeChecks orgs={orgs} ownerId={c.organizationId} value={invited} onChange={setInvited} />
              )}
            </Async>
          </FieldSet>
        )}
        <SubmitButton form={form}>{t('common.save')}</SubmitButton>
      </form>
    </section>
  );
}

function OutcomeForm({ c, reload }: { c: Consultation; reload: () => void }) {
  const { t, lang } = useI18n();
  const form = useApiForm();
  const confirm = useConfirm();
  const [summary, setSummary] = useState<Localized>({});
  const [decisions, setDecisions] = useState<Localized[]>([{}]);
  return (
    <section className="card" aria-labelledby="sec-outcome">
      <h2 id="sec-outcome">{t('outcome.publishTitle')}</h2>
      <p>{t('outcome.intro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void confirm({
            title: t('confirm.actionTitle', {
              action: t('outcome.publish'),
              title: localized(c.title, lang, c.defaultLanguage),
            }),
            body: t('confirm.consultation.publish'),
            confirm: t('outcome.publish'),
          }).then(
            (ok) =>
              ok &&
              form.run(async () => {
                await call(
                  api.POST('/consultations/{id}/outcome', {
                    params: { path: { id: c.id } },
                    body: { summary, decisions: decisions.map((text) => ({ text, questionIds: [] })) },
                  }),
                );
                reload();
              }),
          );
        }}
      >
        <FormAlert form={form} />
        {c.languages.map((l) => (
          <div key={l} className="lang-block" lang={l} dir={isRtl(l) ? 'rtl' : 'ltr'}>
            <Field
              form={form}
              name={`summary.${l}`}
              label={t('outcome.summaryIn', { language: LANGUAGE_NAMES[l] ?? l })}
            >
              <textarea
                rows={3}
                value={summary[l] ?? ''}
                onChange={(e) => setSummary({ ...summary, [l]: e.target.value })}
              />
            </Field>
            {decisions.map((d, i) => (
              <Field
                key={i}
                form={form}
                name={`decisions.${i}.text.${l}`}
                label={t('outcome.decisionIn', { n: i + 1, language: LANGUAGE_NAMES[l] ?? l })}
              >
                <input
                  value={d[l] ?? ''}
                  onChange={(e) =>
                    setDecisions(decisions.map((x, j) => (j === i ? { ...x, [l]: e.target.value } : x)))
                  }
                />
              </Field>
            ))}
          </div>
        ))}
        <div className="actions">
          <button type="button" onClick={() => setDecisions([...decisions, {}])}>
            {t('outcome.addDecision')}
          </button>
          <SubmitButton form={form}>{t('outcome.publish')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
