import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth';
import { PageTitle } from '../../components/common';
import { ApiForm, InputField, useFormValues } from '../../form-fields';
import { useApiForm } from '../../forms';
import { useT } from '../../i18n';

export function SignInPage() {
  const t = useT();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const form = useApiForm();
  const { values, field } = useFormValues(form, { email: '', password: '' });
  const submit = async () => {
    await signIn(values.email, values.password);
    navigate(from === '/sign-in' ? '/' : from, { replace: true });
  };
  return (
    <section className="narrow">
      <PageTitle>{t('signIn.title')}</PageTitle>
      <ApiForm form={form} submit={t('signIn.submit')} onSubmit={submit}>
        <InputField
          type="email"
          autoComplete="username"
          required
          label={t('signIn.email')}
          {...field('email')}
        />
        <InputField
          type="password"
          autoComplete="current-password"
          required
          label={t('signIn.password')}
          {...field('password')}
        />
      </ApiForm>
    </section>
  );
}
