import { ReactNode } from 'react';
import { FormAlert, FormState } from '../../forms';

/**
 * The owner's card for what goes on a public page (issue 20): what becomes public, whether it is
 * public now, the action's errors, and the controls. Shared by consultation outcomes and programmes.
 */
export function PublicPageCard({
  id,
  title,
  intro,
  status,
  form,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  status: string;
  form: FormState;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{intro}</p>
      <p role="status">{status}</p>
      <FormAlert form={form} />
      {children}
    </section>
  );
}
