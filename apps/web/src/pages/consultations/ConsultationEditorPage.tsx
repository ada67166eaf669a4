import { useState } from 'react';
import { Navigate, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Consultation, Localized } from '../../api/types';
import { isAdmin, useMe } from '../../auth';
import {
  Async,
  Back,
  Card,
  fmtDateTime,
  fromLocalDateTime,
  PageTitle,
  StateBadge,
  useLoad,
  ButtonLink,
} from '../../components/common';
import { ApiForm, InputField, TextAreaField, useFormValues } from '../../form-fields';
import { FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useConfirm, MoveButton } from '../../components/ConfirmDialog';
import { Key, localized, useI18n } from '../../i18n';
import { MeetingsSection } from './MeetingsSection';
import { QuestionsSection } from './QuestionsSection';
import {
  InvitationsField,
  LanguageBlocks,
  loadConsultation,
  localizedField,
  PeriodFields,
  TextsFields,
  toLocalInput,
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
          <MoveButton
            key={to}
            form={moveForm}
            to={to}
            label={t(`consultation.to.${to}` as Key)}
            record={localized(c.title, lang, c.defaultLanguage)}
            body={t(`confirm.consultation.${CONFIRM_MOVE[to] ?? 'open'}` as Key)}
            className="primary"
            move={async () => {
              await call(
                api.POST('/consultations/{id}/transitions', {
                  params: { path: { id: c.id } },
                  body: { to: to as 'scheduled' },
                }),
              );
            }}
          />
        ))}
        {c.status !== 'draft' && (
          <ButtonLink to={`/consultations/${c.id}/results`}>{t('consultation.results')}</ButtonLink>
        )}
        {c.status === 'outcome_published' && (
          <ButtonLink to={`/consultations/${c.id}/outcome`}>{t('consultation.outcome')}</ButtonLink>
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
  const [title, setTitle] = useState<Localized>(c.title);
  const [description, setDescription] = useState<Localized>(c.description ?? {});
  const { values: v, field } = useFormValues(form, {
    opensAt: toLocalInput(c.opensAt),
    closesAt: toLocalInput(c.closesAt),
  });
  const [invited, setInvited] = useState<string[]>(c.invitedOrganizationIds);
  const [saved, setSaved] = useState(false);
  const saveSettings = async () => {
    setSaved(false);
    await call(
      api.PATCH('/consultations/{id}', {
        params: { path: { id: c.id }, header: { 'If-Match': `"${c.version}"` } },
        body: {
          title,
          description,
          opensAt: fromLocalDateTime(v.opensAt),
          closesAt: fromLocalDateTime(v.closesAt),
          ...(c.audience === 'invited' ? { invitedOrganizationIds: invited } : {}),
        },
      }),
    );
    setSaved(true);
    reload();
  };
  return (
    <Card id="sec-settings" title={t('consultation.settings')}>
      <ApiForm form={form} submit={t('common.save')} onSubmit={saveSettings}>
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
        <PeriodFields opens={field('opensAt')} closes={field('closesAt')} />
        {c.audience === 'invited' && (
          <InvitationsField form={form} ownerId={c.organizationId} value={invited} onChange={setInvited} />
        )}
      </ApiForm>
    </Card>
  );
}

function OutcomeForm({ c, reload }: { c: Consultation; reload: () => void }) {
  const { t, lang } = useI18n();
  const form = useApiForm();
  const confirm = useConfirm();
  const [summary, setSummary] = useState<Localized>({});
  const [decisions, setDecisions] = useState<Localized[]>([{}]);
  return (
    <Card id="sec-outcome" title={t('outcome.publishTitle')}>
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
        <LanguageBlocks languages={c.languages}>
          {(l, language) => (
            <>
              <TextAreaField
                rows={3}
                label={t('outcome.summaryIn', { language })}
                {...localizedField(form, 'summary', summary, setSummary, l)}
              />
              {decisions.map((d, i) => (
                <InputField
                  key={i}
                  label={t('outcome.decisionIn', { n: i + 1, language })}
                  {...localizedField(
                    form,
                    `decisions.${i}.text`,
                    d,
                    (text) => setDecisions(decisions.map((x, j) => (j === i ? text : x))),
                    l,
                  )}
                />
              ))}
            </>
          )}
        </LanguageBlocks>
        <div className="actions">
          <button type="button" onClick={() => setDecisions([...decisions, {}])}>
            {t('outcome.addDecision')}
          </button>
          <SubmitButton form={form}>{t('outcome.publish')}</SubmitButton>
        </div>
      </form>
    </Card>
  );
}
