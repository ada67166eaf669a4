import { useNavigate, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import type { TokenPair } from '../../api/types';
import { useAuth } from '../../auth';
import { PageTitle } from '../../components/common';
import { ApiForm, InputField, useFormValues } from '../../form-fields';
import { useApiForm } from '../../forms';
import { useT } from '../../i18n';

/** The link in the invitation e-mail: /app/invitations/{token}. */
export function AcceptInvitationPage() {
  const t = useT();
  const { token = '' } = useParams();
  const { adopt } = useAuth();
  const navigate = useNavigate();
  const form = useApiForm();
  const { values, field } = useFormValues(form, { name: '', password: '' });
  const accept = async () => {
    const pair = await call<TokenPair>(
      api.POST('/invitations/{token}/accept', { params: { path: { token } }, body: values }),
    );
    await adopt(pair.accessToken, pair.refreshToken);
    navigate('/', { replace: true });
  };
  return (
    <section className="narrow">
      <PageTitle>{t('invitation.title')}</PageTitle>
      <p>{t('invitation.intro')}</p>
      <ApiForm form={form} submit={t('invitation.submit')} onSubmit={accept}>
        <InputField autoComplete="name" label={t('invitation.name')} {...field('name')} />
        <InputField
          type="password"
          autoComplete="new-password"
          label={t('invitation.password')}
          hint={t('invitation.passwordHint')}
          {...field('password')}
        />
      </ApiForm>
    </section>
  );
}
