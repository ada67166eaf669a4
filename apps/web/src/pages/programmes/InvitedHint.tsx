import { api, call } from '../../api/client';
import { itemsOf, Member, Page } from '../../api/types';
import { useLoad } from '../../components/common';
import { useI18n } from '../../i18n';

/**
 * What a plain member of an invited organisation sees instead of a silent "Invited": only the
 * organisation's admins answer, and who they are (they were notified, with a link here).
 */
export function InvitedHint({ organizationId }: { organizationId: string }) {
  const { t, lang } = useI18n();
  const admins = useLoad(
    async () =>
      itemsOf(
        await call<Page<Member>>(
          api.GET('/organizations/{id}/members', {
            params: { path: { id: organizationId }, query: { limit: 100 } },
          }),
        ),
      )
        .filter((m) => m.role === 'org_admin')
        .map((m) => m.name),
    [organizationId],
  );
  const names = admins.data ?? [];
  return (
    <p className="hint">
      {names.length
        ? t('partner.invitedAskAdmins', {
            names: new Intl.ListFormat(lang, { type: 'conjunction' }).format(names),
          })
        : t('partner.invitedNoAdmin')}
    </p>
  );
}
