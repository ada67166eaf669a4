import { useConfirm } from '../../components/ConfirmDialog';
import { api, call } from '../../api/client';
import { Consultation, itemsOf, Meeting, Page } from '../../api/types';
import {
  Card,
  fmtDateTime,
  fromLocalDateTime,
  localDateTime,
  StateBadge,
  useLoad,
  AsyncList,
} from '../../components/common';
import { InputField, SelectField, SubForm, useFormValues } from '../../form-fields';
import { FormAlert, useApiForm } from '../../forms';
import { Key, respondText, RespondKey, useI18n } from '../../i18n';

const MEETING_TYPES = ['in_person', 'online', 'hybrid'];

/** The new-meeting form as it opens: in person, two days from now, for an hour and a half. */
const newMeeting = () => ({
  title: '',
  type: 'in_person',
  startsAt: localDateTime(60 * 24 * 2),
  endsAt: localDateTime(60 * 24 * 2 + 90),
  location: '',
  onlineUrl: '',
  capacity: '',
});

/**
 * A consultation's meetings. Owners manage them in the interface language; a respondent sees them
 * in the language they answer in (`language`), like the form around them.
 */
export function MeetingsSection({
  c,
  owner,
  language,
  signUpOpen = true,
}: {
  c: Consultation;
  owner: boolean;
  language?: string;
  /** False once the consultation closed: the respondent's sign-up buttons give way to a note. */
  signUpOpen?: boolean;
}) {
  const { t, lang: uiLang } = useI18n();
  const lang = language ?? uiLang;
  const mt = (
    respondKey: Parameters<typeof respondText>[1],
    uiKey: Key,
    params?: Record<string, string | number>,
  ): string => (language ? respondText(language, respondKey, params) : t(uiKey, params));
  const list = useLoad(
    async () =>
      itemsOf(
        await call<Page<Meeting> | Meeting[]>(
          api.GET('/consultations/{id}/meetings', { params: { path: { id: c.id } } }),
        ),
      ),
    [c.id],
  );
  const form = useApiForm();
  const rsvp = useApiForm();
  const confirm = useConfirm();
  const { values: v, field, reset } = useFormValues(form, newMeeting());
  const createMeeting = async () => {
    await call(
      api.POST('/consultations/{id}/meetings', {
        params: { path: { id: c.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: {
          title: v.title,
          type: v.type as 'in_person',
          startsAt: fromLocalDateTime(v.startsAt),
          endsAt: fromLocalDateTime(v.endsAt),
          location: v.location || undefined,
          onlineUrl: v.onlineUrl || undefined,
          capacity: v.capacity ? Number(v.capacity) : undefined,
        },
      }),
    );
    reset();
    list.reload();
  };
  return (
    <Card id="sec-meetings" title={mt('respond.meetings', 'meetings.title')}>
      <FormAlert form={rsvp} />
      {!owner && !signUpOpen && <p className="muted">{mt('respond.signUpClosed', 'meetings.none')}</p>}
      <AsyncList state={list} empty={mt('respond.meetingsNone', 'meetings.none')}>
        {(m) => (
          <li key={m.id}>
            <strong>{m.title}</strong> ·{' '}
            {mt(
              `respond.meetingType.${m.type}` as Parameters<typeof respondText>[1],
              `meeting.type.${m.type}` as Key,
            )}{' '}
            · {fmtDateTime(m.startsAt, lang)}
            {m.location && ` · ${m.location}`}
            {m.status && m.status !== 'scheduled' && (
              <>
                {' '}
                {language ? (
                  <span className={`badge badge-${m.status}`}>
                    {respondText(language, `respond.meetingStatus.${m.status}` as RespondKey)}
                  </span>
                ) : (
                  <StateBadge state={m.status} />
                )}
              </>
            )}
            {m.myRsvp && (
              <>
                {' '}
                {language ? (
                  <span className={`badge badge-${m.myRsvp.status}`}>
                    {respondText(language, `respond.rsvp.${m.myRsvp.status}` as RespondKey)}
                  </span>
                ) : (
                  <StateBadge state={m.myRsvp.status} />
                )}
              </>
            )}
            {m.seatsLeft !== null && m.seatsLeft !== undefined && (
              <span className="muted">
                {' '}
                · {mt('respond.seatsLeft', 'meeting.seatsLeft', { n: m.seatsLeft })}
              </span>
            )}
            {owner && m.status !== 'cancelled' && (
              <button
                type="button"
                className="small danger"
                onClick={() =>
                  void confirm({
                    title: t('confirm.actionTitle', { action: t('meeting.cancel'), title: m.title }),
                    body: t('confirm.meeting.cancel'),
                    confirm: t('meeting.cancel'),
                    danger: true,
                  })
                    .then(
                      (ok) =>
                        ok &&
                        rsvp.run(async () => {
                          await call(
                            api.POST('/consultations/{id}/meetings/{meetingId}/cancel', {
                              params: { path: { id: c.id, meetingId: m.id } },
                            }),
                          );
                        }),
                    )
                    .then((ok) => ok && list.reload())
                }
              >
                {t('meeting.cancel')}
                <span className="visually-hidden">: {m.title}</span>
              </button>
            )}
            {!owner && signUpOpen && (
              <span className="actions">
                {[true, false].map((attending) => (
                  <button
                    key={String(attending)}
                    type="button"
                    className="small"
                    onClick={() =>
                      void rsvp
                        .run(async () => {
                          await call(
                            api.POST('/consultations/{id}/meetings/{meetingId}/rsvp', {
                              params: { path: { id: c.id, meetingId: m.id } },
                              body: { attending },
                            }),
                          );
                        })
                        .then((ok) => ok && list.reload())
                    }
                  >
                    {attending
                      ? mt('respond.attend', 'meeting.attend')
                      : mt('respond.decline', 'meeting.decline')}
                    <span className="visually-hidden">: {m.title}</span>
                  </button>
                ))}
              </span>
            )}
          </li>
        )}
      </AsyncList>
      {owner && c.status !== 'cancelled' && (
        <SubForm form={form} title={t('meeting.new')} submit={t('meeting.create')} onSubmit={createMeeting}>
          <div className="row">
            <InputField label={t('meeting.title')} {...field('title')} />
            <SelectField
              label={t('meeting.type')}
              values={MEETING_TYPES}
              labels="meeting.type"
              {...field('type')}
            />
          </div>
          <div className="row">
            <InputField type="datetime-local" label={t('meeting.startsAt')} {...field('startsAt')} />
            <InputField type="datetime-local" label={t('meeting.endsAt')} {...field('endsAt')} />
          </div>
          <div className="row">
            <InputField label={t('meeting.location')} {...field('location')} />
            <InputField type="url" label={t('meeting.onlineUrl')} {...field('onlineUrl')} />
            <InputField type="number" min={1} label={t('meeting.capacity')} {...field('capacity')} />
          </div>
        </SubForm>
      )}
    </Card>
  );
}
