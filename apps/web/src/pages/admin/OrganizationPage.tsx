import { ConfirmButton } from '../../components/ConfirmDialog';
import { pageQuery, PagedTable, usePagedList } from '../../components/PagedTable';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Member, OrganizationDetail, Page } from '../../api/types';
import { Async, Back, fmtDateTime, PageTitle, useLoad, Card } from '../../components/common';
import { InputField, LanguageField, SelectField, SubForm, useFormValues } from '../../form-fields';
import { FormAlert, useApiForm } from '../../forms';
import { Key, useI18n } from '../../i18n';

const MEMBER_ROLES = ['member', 'org_admin'] as const;

/** The invitation form as it opens: a plain member, e-mailed in English. */
const NEW_INVITATION = {
  email: '',
  role: 'member' as 'org_admin' | 'member',
  language: 'en' as 'en' | 'fr' | 'es' | 'ar',
};

export function AdminOrganizationPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const org = useLoad(
    () => call<OrganizationDetail>(api.GET('/organizations/{id}', { params: { path: { id } } })),
    [id],
  );
  const members = usePagedList(
    (cursor) =>
      call<Page<Member>>(
        api.GET('/organizations/{id}/members', {
          params: { path: { id }, query: pageQuery(cursor) },
        }),
      ),
    [id],
  );
  const roleAction = (m: Member) => (m.role === 'org_admin' ? t('org.makeMember') : t('org.makeAdmin'));
  const form = useApiForm();
  const memberForm = useApiForm();
  const { values: invitation, field, set } = useFormValues(form, NEW_INVITATION);
  const [sent, setSent] = useState('');
  const inviteMember = async () => {
    setSent('');
    await call(api.POST('/organizations/{id}/invitations', { params: { path: { id } }, body: invitation }));
    setSent(invitation.email);
    set('email', '');
  };
  return (
    <>
      <Back to="/admin/organizations">{t('admin.organizations')}</Back>
      <Async state={org}>
        {(o) => (
          <>
            <PageTitle>{o.name}</PageTitle>
            <p>
              {t(`kind.${o.kind}` as Key)} · {o.city}, {o.country} · {o.contactEmail}
            </p>
          </>
        )}
      </Async>
      <Card id="sec-members" title={t('org.members')}>
        <FormAlert form={memberForm} />
        <PagedTable
          list={members}
          label={t('org.members')}
          rowKey={(m) => m.userId}
          columns={[
            { label: t('profile.name'), cell: (m) => m.name },
            { label: t('profile.email'), cell: (m) => m.email },
            { label: t('org.role'), cell: (m) => t(`memberRole.${m.role}` as Key) },
            { label: t('org.joined'), cell: (m) => fmtDateTime(m.joinedAt, lang) },
            {
              label: t('common.actions'),
              actions: true,
              cell: (m) => (
                <span className="actions">
                  <ConfirmButton
                    form={memberForm}
                    className="small"
                    row={m.name}
                    ask={{
                      title: t('confirm.actionTitle', { action: roleAction(m), title: m.name }),
                      body: t(
                        m.role === 'org_admin' ? 'confirm.member.makeMember' : 'confirm.member.makeAdmin',
                        { name: m.name },
                      ),
                      confirm: roleAction(m),
                    }}
                    action={async () => {
                      await call(
                        api.PATCH('/organizations/{id}/members/{userId}', {
                          params: { path: { id, userId: m.userId } },
                          body: { role: m.role === 'org_admin' ? 'member' : 'org_admin' },
                        }),
                      );
                    }}
                  >
                    {roleAction(m)}
                  </ConfirmButton>
                  <ConfirmButton
                    form={memberForm}
                    className="small danger"
                    row={m.name}
                    ask={{
                      title: t('confirm.actionTitle', { action: t('org.removeMember'), title: m.name }),
                      body: t('confirm.member.remove', { name: m.name }),
                      confirm: t('org.removeMember'),
                      danger: true,
                    }}
                    action={async () => {
                      await call(
                        api.DELETE('/organizations/{id}/members/{userId}', {
                          params: { path: { id, userId: m.userId } },
                        }),
                      );
                    }}
                  >
                    {t('org.removeMember')}
                  </ConfirmButton>
                </span>
              ),
            },
          ]}
        />
        <SubForm
          form={form}
          title={t('org.inviteMember')}
          submit={t('org.sendInvitation')}
          onSubmit={inviteMember}
        >
          {sent && (
            <p role="status" className="alert alert-ok">
              ✓ {t('org.invitationSent', { email: sent })}
            </p>
          )}
          <div className="row">
            <InputField type="email" label={t('profile.email')} {...field('email')} />
            <SelectField label={t('org.role')} values={MEMBER_ROLES} labels="memberRole" {...field('role')} />
            <LanguageField label={t('profile.language')} {...field('language')} />
          </div>
        </SubForm>
      </Card>
    </>
  );
}
