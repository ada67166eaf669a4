import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import type { TokenPair } from '../../api/types';
import { useAuth } from '../../auth';
import { PageTitle } from '../../components/common';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useT } from '../../i18n';

/** The link in the invitation e-mail: /app/invitations/{token}. */
export function AcceptInvitationPage() {
  const t = useT();
  const { token = '' } = useParams();
  const { adopt } = useAuth();
  const navigate = useNavigate();
  const form = useApiForm();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  return (
    <section className="narrow">
      <PageTitle>{t('invitation.title')}</PageTitle>
      <p>{t('invitation.intro')}</p>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          const pair = await call<TokenPair>(
            api.POST('/invitations/{token}/accept', {
              params: { path: { token } },
              body: { name, password },
            }),
          );
          await adopt(pair.accessToken, pair.refreshToken);
          navigate('/', { replace: true });
        })}
      >
        <FormAlert form={form} />
        <Field form={form} name="name" label={t('invitation.name')}>
          <input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field
          form={form}
          name="password"
          label={t('invitation.password')}
          hint={t('invitation.passwordHint')}
        >
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <SubmitButton form={form}>{t('invitation.submit')}</SubmitButton>
      </form>
    </section>
  );
}
