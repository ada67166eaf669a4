import { useState } from 'react';
import { api, call } from '../../api/client';
import { Consultation } from '../../api/types';
import { useMe } from '../../auth';
import { useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { PublicPageCard } from './PublicPageCard';

/**
 * The owner's switch for the public page of a published outcome (issue 20): make it public, also
 * show written answers (the anonymity threshold still applies), or withdraw it. Owners only; the
 * API refuses anyone else.
 */
export function PublicOutcomeControls({ c, reload }: { c: Consultation; reload: () => void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const form = useApiForm();
  const [freeTexts, setFreeTexts] = useState(c.publicFreeTexts);
  if (c.status !== 'outcome_published' || !me.memberships.some((m) => m.organizationId === c.organizationId))
    return null;
  const save = (publicOutcome: boolean) =>
    form.onSubmit(async () => {
      await call(
        api.PATCH('/consultations/{id}', {
          params: { path: { id: c.id }, header: { 'If-Match': `"${c.version}"` } },
          body: publicOutcome ? { publicOutcome, publicFreeTexts: freeTexts } : { publicOutcome },
        }),
      );
      reload();
    });
  return (
    <PublicPageCard
      id="sec-public"
      title={t('public.outcome.title')}
      intro={t('public.outcome.intro')}
      status={t(c.publicOutcome ? 'public.outcome.isPublic' : 'public.outcome.isPrivate')}
      form={form}
    >
      <form onSubmit={save(true)}>
        <label>
          <input type="checkbox" checked={freeTexts} onChange={(e) => setFreeTexts(e.target.checked)} />{' '}
          {t('public.outcome.freeTexts', { n: c.anonymityThreshold })}
        </label>
        <p>
          <button type="submit" disabled={form.busy}>
            {t(c.publicOutcome ? 'public.outcome.save' : 'public.outcome.publish')}
          </button>
        </p>
      </form>
      {c.publicOutcome && (
        <form onSubmit={save(false)}>
          <p>
            <button type="submit" className="secondary" disabled={form.busy}>
              {t('public.outcome.withdraw')}
            </button>{' '}
            <a href={`/public/consultations/${c.id}?lang=${lang}`}>{t('public.outcome.view')}</a>
          </p>
        </form>
      )}
    </PublicPageCard>
  );
}
