import { allPages } from '../../components/PagedTable';
import { useConfirm } from '../../components/ConfirmDialog';
import { api, call } from '../../api/client';
import { Organization, Page, Partner, Programme } from '../../api/types';
import { InvitedHint } from './InvitedHint';
import { useMe } from '../../auth';
import { DataTable, RowAction, StateBadge, useLoad, Card } from '../../components/common';
import { SelectField, SubForm, useFormValues } from '../../form-fields';
import { FormAlert, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';
import { PARTNER_ROLES } from './constants';

/** The invitation form as it opens: no organisation chosen yet, as an implementer. */
const NEW_INVITATION = { organizationId: '', role: 'implementer' as (typeof PARTNER_ROLES)[number] };

export function PartnersSection({
  programme,
  partners,
  manager,
  adminOf,
  reload,
}: {
  programme: Programme;
  partners: Partner[];
  manager: boolean;
  adminOf: Set<string>;
  reload: () => void;
}) {
  const { t } = useI18n();
  const form = useApiForm();
  const answer = useApiForm();
  const confirm = useConfirm();
  const { values: invitation, field, set } = useFormValues(form, NEW_INVITATION);
  const orgs = useLoad(
    async () =>
      manager
        ? await allPages((cursor) =>
            call<Page<Organization>>(
              api.GET('/organizations', { params: { query: { limit: 100, cursor } } }),
            ),
          )
        : [],
    [manager],
  );
  // A plain member of an invited organisation is told who can answer (its org admins).
  const memberOf = new Set(useMe().memberships.map((m) => m.organizationId));
  const taken = new Set(partners.map((x) => x.organizationId));
  const invitable = (orgs.data ?? []).filter((o) => !taken.has(o.id));
  const invitePartner = async () => {
    await call(
      api.POST('/programmes/{id}/partners', {
        params: { path: { id: programme.id } },
        body: invitation,
      }),
    );
    set('organizationId', '');
    reload();
  };
  return (
    <Card id="sec-partners" title={t('partners.title')}>
      <FormAlert form={answer} />
      <DataTable
        rows={partners}
        rowKey={(x) => x.organizationId}
        columns={[
          { label: t('partner.organization'), cell: (x) => x.organizationName },
          { label: t('partner.role'), cell: (x) => t(`role.${x.role}` as Key) },
          { label: t('partner.status'), cell: (x) => <StateBadge state={x.status} /> },
          {
            label: t('common.actions'),
            actions: true,
            cell: (x) =>
              x.status === 'invited' && !adminOf.has(x.organizationId) && memberOf.has(x.organizationId) ? (
                <InvitedHint organizationId={x.organizationId} />
              ) : (
                x.status === 'invited' &&
                adminOf.has(x.organizationId) && (
                  <span className="actions">
                    {(['accept', 'decline'] as const).map((a) => (
                      <RowAction
                        key={a}
                        label={t(`partner.${a}` as Key)}
                        className={a === 'accept' ? 'primary' : 'danger'}
                        disabled={answer.busy}
                        onClick={() =>
                          void confirm({
                            title: t('confirm.actionTitle', {
                              action: t(`partner.${a}` as Key),
                              title: programme.title,
                            }),
                            body: t(`confirm.partner.${a}`, { role: t(`role.${x.role}` as Key) }),
                            confirm: t(`partner.${a}` as Key),
                            danger: a === 'decline',
                          })
                            .then(
                              (ok) =>
                                ok &&
                                answer.run(async () => {
                                  const params = {
                                    path: { id: programme.id, organizationId: x.organizationId },
                                  };
                                  await call(
                                    a === 'accept'
                                      ? api.POST('/programmes/{id}/partners/{organizationId}/accept', {
                                          params,
                                        })
                                      : api.POST('/programmes/{id}/partners/{organizationId}/decline', {
                                          params,
                                        }),
                                  );
                                }),
                            )
                            .then((ok) => ok && reload())
                        }
                      />
                    ))}
                  </span>
                )
              ),
          },
        ]}
      />
      {manager && (
        <SubForm
          form={form}
          title={t('partners.invite')}
          submit={t('partners.inviteSubmit')}
          onSubmit={invitePartner}
        >
          <div className="row">
            <SelectField
              label={t('partner.organization')}
              values={invitable.map((o) => o.id)}
              optionLabel={(id) => {
                const o = invitable.find((x) => x.id === id)!;
                return `${o.name} (${t(`kind.${o.kind}` as Key)})`;
              }}
              blank={t('common.choose')}
              {...field('organizationId')}
            />
            <SelectField label={t('partner.role')} values={PARTNER_ROLES} labels="role" {...field('role')} />
          </div>
        </SubForm>
      )}
    </Card>
  );
}
