import { api, call } from '../../api/client';
import { Programme } from '../../api/types';
import { useMe } from '../../auth';
import { useConfirm } from '../../components/ConfirmDialog';
import { useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { PublicPageCard } from './PublicPageCard';

/**
 * The lead organisation's switch for listing a programme on its city's public page (issue 20):
 * asks before listing, unlists at once. Shown to managers who are members of the lead organisation
 * (the API refuses anyone else), for a programme with a territory that is not archived or cancelled.
 */
export function ProgrammeListingControls({ p, manager }: { p: Programme; manager: boolean }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const confirm = useConfirm();
  const form = useApiForm();
  const lead = me.memberships.some((m) => m.organizationId === p.leadOrganizationId);
  if (!manager || !lead || !p.territoryCode || p.status === 'archived' || p.status === 'cancelled')
    return null;
  const territory = p.territoryCode;
  const toggle = async (listedPublicly: boolean) => {
    if (
      listedPublicly &&
      !(await confirm({
        title: t('public.listing.confirmTitle', { title: p.title }),
        body: t('public.listing.confirmBody'),
        confirm: t('public.listing.confirm'),
      }))
    )
      return;
    await form.run(async () => {
      await call(
        api.PATCH('/programmes/{id}', {
          params: { path: { id: p.id }, header: { 'If-Match': `"${p.version}"` } },
          body: { listedPublicly },
        }),
      );
    });
  };
  return (
    <PublicPageCard
      id="sec-listing"
      title={t('public.outcome.title')}
      intro={t('public.listing.intro')}
      status={t(
        p.listedPublicly
          ? p.status === 'active'
            ? 'public.listing.isListed'
            : 'public.listing.isListedInactive'
          : 'public.listing.isUnlisted',
      )}
      form={form}
    >
      <p>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={p.listedPublicly}
            disabled={form.busy}
            onChange={(e) => void toggle(e.target.checked)}
          />{' '}
          {t('public.listing.switch')}
        </label>
      </p>
      {p.listedPublicly && (
        <p>
          <a href={`/public/territories/${encodeURIComponent(territory)}?lang=${lang}`}>
            {t('public.outcome.view')}
          </a>
        </p>
      )}
    </PublicPageCard>
  );
}
