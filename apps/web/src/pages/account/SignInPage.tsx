import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth';
import { PageTitle } from '../../components/common';
import { Field, FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useT } from '../../i18n';

export function SignInPage() {
  const t = useT();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const form = useApiForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <section className="narrow">
      <PageTitle>{t('signIn.title')}</PageTitle>
      <form
        onSubmit={form.onSubmit(async () => {
          await signIn(email, password);
          navigate(from === '/sign-in' ? '/' : from, { replace: true });
        })}
        noValidate
      >
        <FormAlert form={form} />
        <Field form={form} name="email" label={t('signIn.email')}>
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field form={form} name="password" label={t('signIn.password')}>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <SubmitButton form={form}>{t('signIn.submit')}</SubmitButton>
      </form>
    </section>
  );
}
