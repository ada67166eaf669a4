import { EnumSelect } from '../../components/EnumSelect';
import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, call } from '../../api/client';
import { useAuth } from '../../auth';
import { Async, fmtDate, PageTitle, StateBadge, useLoad, AsyncList } from '../../components/common';
import type { GoodIdea as Idea, GoodIdeaSummary as IdeaSummary } from '../../api/types';
import { useProblemSentence } from '../../forms';
import { useI18n } from '../../i18n';

const CRITERIA = ['practical', 'innovative', 'successful', 'transferable'] as const;

/** Good ideas the signed-in user may see: published ones, their organisations', and (reviewers) those submitted. */
export function GoodIdeasPage() {
  const { t, lang } = useI18n();
  const list = useLoad(
    async () =>
      (await call<{ items: IdeaSummary[] }>(api.GET('/good-ideas', { params: { query: { limit: 100 } } })))
        .items,
    [],
  );
  return (
    <>
      <PageTitle actions={<a href={`/public/good-ideas?lang=${lang}`}>{t('goodIdeas.public')}</a>}>
        {t('goodIdeas.title')}
      </PageTitle>
      <AsyncList state={list} empty={t('goodIdeas.none')}>
        {(i) => (
          <li key={i.id}>
            <strong>
              <Link to={`/good-ideas/${i.id}`}>{i.title}</Link>
            </strong>{' '}
            <StateBadge state={i.status} />
            <br />
            <span className="muted">
              {i.city}, {i.country} · {i.organizationName}
              {i.publishedAt ? ` · ${fmtDate(i.publishedAt, lang)}` : ''}
            </span>
          </li>
        )}
      </AsyncList>
    </>
  );
}

/** One idea: its texts, the four criteria, and what the signed-in user may do with it. */
export function GoodIdeaPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const sentence = useProblemSentence();
  const { me } = useAuth();
  const [message, setMessage] = useState<string | null>(null);
  const idea = useLoad(
    () => call<Idea>(api.GET('/good-ideas/{id}', { params: { path: { id: id! } } })),
    [id],
  );
  const run = async (work: () => Promise<unknown>, done: string) => {
    setMessage(null);
    try {
      await work();
      setMessage(done);
      idea.reload();
    } catch (err) {
      setMessage(err instanceof ApiError ? (sentence(err.problem) ?? err.message) : String(err));
    }
  };
  const myOrgs = (me?.memberships ?? []).filter((m) => m.role === 'org_admin');
  return (
    <Async state={idea}>
      {(i) => (
        <>
          <PageTitle>{i.title}</PageTitle>
          <p>
            <StateBadge state={i.status} /> {i.city}, {i.country} · {i.organizationName}
            {i.status === 'published' && (
              <>
                {' · '}
                <a href={`/public/good-ideas/${i.slug}`}>{t('goodIdeas.publicPage')}</a>
              </>
            )}
          </p>
          {i.returnedReason && (
            <p role="note">
              {t('goodIdeas.returned')}: {i.returnedReason}
            </p>
          )}
          <h2>{t('goodIdeas.summary')}</h2>
          <p>{i.summary}</p>
          <h2>{t('goodIdeas.challenge')}</h2>
          <p>{i.challenge}</p>
          <h2>{t('goodIdeas.approach')}</h2>
          <p>{i.approach}</p>
          <h2>{t('goodIdeas.criteria')}</h2>
          {i.assessments.length === 0 ? (
            <p className="muted">{t('goodIdeas.notAssessed')}</p>
          ) : (
            <ul>
              {i.assessments.map((a) => (
                <li key={a.criterion}>
                  <strong>
                    {a.criterion}: {a.rating}/5
                  </strong>{' '}
                  {a.rationale}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('goodIdeas.actions')}</h2>
          <p role="status">{message}</p>
          {(i.status === 'draft' || i.status === 'returned') && (
            <button
              type="button"
              onClick={() =>
                run(
                  () =>
                    call(
                      api.POST('/good-ideas/{id}/transitions', {
                        params: { path: { id: i.id } },
                        body: { to: 'submitted' },
                      }),
                    ),
                  t('goodIdeas.submitted'),
                )
              }
            >
              {t('goodIdeas.submit')}
            </button>
          )}
          {i.status === 'submitted' && <ReviewForm id={i.id} onDone={idea.reload} />}
          {i.status === 'published' && myOrgs.length > 0 && (
            <TravelForm id={i.id} orgs={myOrgs.map((m) => m.organizationId)} onDone={idea.reload} />
          )}
          <h2>{t('goodIdeas.recognised')}</h2>
          <ul>
            {i.recognitions.map((r) => (
              <li key={r.id}>
                <strong>{r.organizationName}</strong>: {r.statement}
              </li>
            ))}
          </ul>
          <h2>{t('goodIdeas.travelled')}</h2>
          <ul>
            {i.adaptations.map((a) => (
              <li key={a.id}>
                {a.city}, {a.country} · {a.organizationName} · <StateBadge state={a.programmeStatus} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Async>
  );
}

function ReviewForm({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useI18n();
  const sentence = useProblemSentence();
  const [criterion, setCriterion] = useState<string>(CRITERIA[0]);
  const [rating, setRating] = useState('4');
  const [rationale, setRationale] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setMessage(t('goodIdeas.saved'));
      onDone();
    } catch (err) {
      setMessage(err instanceof ApiError ? (sentence(err.problem) ?? err.message) : String(err));
    }
  };
  const assess = (e: FormEvent) => {
    e.preventDefault();
    void attempt(() =>
      call(
        api.POST('/good-ideas/{id}/assessments', {
          params: { path: { id } },
          body: { criterion: criterion as (typeof CRITERIA)[number], rating: Number(rating), rationale },
        }),
      ),
    );
  };
  const move = (to: 'published' | 'returned') =>
    attempt(() =>
      call(
        api.POST('/good-ideas/{id}/transitions', {
          params: { path: { id } },
          body: to === 'returned' ? { to, reason } : { to },
        }),
      ),
    );
  return (
    <form onSubmit={assess}>
      <p role="status">{message}</p>
      <label htmlFor="gi-criterion">{t('goodIdeas.criterion')}</label>
      <EnumSelect
        id="gi-criterion"
        values={CRITERIA}
        labels="criterion"
        value={criterion}
        onChange={(e) => setCriterion(e.target.value)}
      />
      <label htmlFor="gi-rating">{t('goodIdeas.rating')}</label>
      <EnumSelect
        id="gi-rating"
        values={['1', '2', '3', '4', '5']}
        value={rating}
        onChange={(e) => setRating(e.target.value)}
      />
      <label htmlFor="gi-rationale">{t('goodIdeas.rationale')}</label>
      <textarea id="gi-rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} />
      <button type="submit">{t('goodIdeas.assess')}</button>{' '}
      <button type="button" onClick={() => void move('published')}>
        {t('goodIdeas.publish')}
      </button>
      <label htmlFor="gi-reason">{t('goodIdeas.reason')}</label>
      <input id="gi-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="button" onClick={() => void move('returned')}>
        {t('goodIdeas.return')}
      </button>
    </form>
  );
}

function TravelForm({ id, orgs, onDone }: { id: string; orgs: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const sentence = useProblemSentence();
  const [statement, setStatement] = useState('');
  const [city, setCity] = useState('');
  const [startDate, setStartDate] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const organizationId = orgs[0];
  const attempt = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage(done);
      onDone();
    } catch (err) {
      setMessage(err instanceof ApiError ? (sentence(err.problem) ?? err.message) : String(err));
    }
  };
  /** A form's submit handler: runs `work`, then says `done` (or the API's message). */
  const submitting = (work: () => Promise<unknown>, done: string) => (e: FormEvent) => {
    e.preventDefault();
    void attempt(work, done);
  };
  const endorse = () =>
    call(
      api.POST('/good-ideas/{id}/endorsements', {
        params: { path: { id } },
        body: { organizationId, statement },
      }),
    );
  const adapt = () =>
    call(
      api.POST('/good-ideas/{id}/adaptations', {
        params: { path: { id } },
        body: { organizationId, city, startDate },
      }),
    );
  return (
    <div>
      <p role="status">{message}</p>
      <form onSubmit={submitting(endorse, t('goodIdeas.endorsed'))}>
        <label htmlFor="gi-statement">{t('goodIdeas.statement')}</label>
        <input id="gi-statement" value={statement} onChange={(e) => setStatement(e.target.value)} />
        <button type="submit">{t('goodIdeas.endorse')}</button>
      </form>
      <form onSubmit={submitting(adapt, t('goodIdeas.adapted'))}>
        <label htmlFor="gi-city">{t('goodIdeas.city')}</label>
        <input id="gi-city" value={city} onChange={(e) => setCity(e.target.value)} />
        <label htmlFor="gi-start">{t('goodIdeas.startDate')}</label>
        <input id="gi-start" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />
        <button type="submit">{t('goodIdeas.adapt')}</button>
      </form>
    </div>
  );
}
