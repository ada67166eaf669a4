// The console's form building blocks on top of forms.tsx: one state object for a form's values,
// a labelled field per kind of control (text input, textarea, enum select), and the form frame
// itself (alert on top, submit button below). A form reads:
//
//   const form = useApiForm();
//   const { values, field, reset } = useFormValues(form, { title: '', priority: 'normal' });
//   <ApiForm form={form} submit={t('task.create')} onSubmit={async () => { ...; reset(); }}>
//     <InputField label={t('task.title')} {...field('title')} />
//     <SelectField label={t('task.priority')} values={PRIORITIES} labels="priority" {...field('priority')} />
//   </ApiForm>
import {
  FormHTMLAttributes,
  InputHTMLAttributes,
  ReactNode,
  TextareaHTMLAttributes,
  useId,
  useState,
} from 'react';
import { EnumSelect, EnumSelectProps } from './components/EnumSelect';
import { Field, FormAlert, FormState, SubmitButton } from './forms';
import { LANGUAGE_NAMES, UI_LANGUAGES, UiLanguage, useI18n } from './i18n';

/** What `field(key)` gives a control: its form, its API field name, its value and change handler. */
export interface BoundField {
  form: FormState;
  /** The API's field name (see `Field`). */
  name: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
}

/**
 * A form's values in one state object. `field(key)` binds a control to `values[key]`; the API may
 * name that field otherwise (`field('gender', 'participant.gender')`). `reset()` empties the form.
 */
export function useFormValues<V extends Record<string, unknown>>(form: FormState, initial: V) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((x) => ({ ...x, [key]: value }));
  return {
    values,
    set,
    reset: () => setValues(initial),
    field: (key: keyof V & string, name: string = key): BoundField => ({
      form,
      name,
      value: values[key] as string,
      onChange: (e) => set(key, e.target.value as V[typeof key]),
    }),
    /** Like `field`, for a control whose `onChange` passes the value itself (a picker). */
    valueField: (key: keyof V & string, name: string = key) => ({
      form,
      name,
      value: values[key] as string,
      onChange: (value: string) => set(key, value as V[typeof key]),
    }),
  };
}

/** What `useFormValues` returns, for a group of fields drawn as a component of its own. */
export type FormValues<V extends Record<string, unknown>> = ReturnType<typeof useFormValues<V>>;

interface LabelledProps {
  form: FormState;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** A labelled `<input>` (text, date, email, number…) with the API's message for its field. */
export function InputField({
  form,
  name,
  label,
  hint,
  ...input
}: LabelledProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'form' | 'name'>) {
  return (
    <Field form={form} name={name} label={label} hint={hint}>
      <input {...input} />
    </Field>
  );
}

/** A labelled `<textarea>` with the API's message for its field. */
export function TextAreaField({
  form,
  name,
  label,
  hint,
  ...textarea
}: LabelledProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'form' | 'name'>) {
  return (
    <Field form={form} name={name} label={label} hint={hint}>
      <textarea {...textarea} />
    </Field>
  );
}

/**
 * A labelled `EnumSelect` (a choice among fixed values) with the API's message for its field;
 * `optionLabel` is the select's `label` (each value's text, when it is not a message).
 */
export function SelectField<T extends string>({
  form,
  name,
  label,
  hint,
  optionLabel,
  ...select
}: LabelledProps &
  Omit<EnumSelectProps<T>, 'label' | 'form' | 'name'> & { optionLabel?: EnumSelectProps<T>['label'] }) {
  return (
    <Field form={form} name={name} label={label} hint={hint}>
      <EnumSelect label={optionLabel} {...select} />
    </Field>
  );
}

/** One checkbox with its text, for a yes/no setting ("Anonymous", "Required"). */
export function Checkbox({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className="inline">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {children}
    </label>
  );
}

/** Where something is: its country (two-letter code) and city. */
export function CountryCityFields({ country, city }: { country: BoundField; city: BoundField }) {
  const { t } = useI18n();
  return (
    <>
      <InputField
        maxLength={2}
        label={t('programme.country')}
        hint={t('programme.countryHint')}
        {...country}
      />
      <InputField label={t('programme.city')} {...city} />
    </>
  );
}

/** A labelled choice of one of the console's languages, each named in itself. */
export function LanguageField(field: LabelledProps & { value: string; onChange: BoundField['onChange'] }) {
  return (
    <SelectField
      values={UI_LANGUAGES}
      optionLabel={(l) => LANGUAGE_NAMES[l as UiLanguage]}
      optionLang={(l) => l}
      {...field}
    />
  );
}

/** Checkboxes, one a value, for choosing several (`selected` in, the new selection out). */
export function CheckboxList<T extends string>({
  values,
  selected,
  onChange,
  label,
}: {
  values: readonly T[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  /** Each checkbox's text. */
  label: (value: T) => ReactNode;
}) {
  return (
    <div className="checks">
      {values.map((value) => (
        <label key={value} className="inline">
          <input
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...selected, value] : selected.filter((x) => x !== value))
            }
          />{' '}
          {label(value)}
        </label>
      ))}
    </div>
  );
}

/** Radio buttons, one an option, for choosing one (`name` groups them). */
export function RadioList<T>({
  name,
  options,
  value,
  onChange,
}: {
  name: string;
  options: readonly { value: T; label: ReactNode }[];
  value: T | null | undefined;
  onChange: (value: T) => void;
}) {
  return (
    <>
      {options.map((o) => (
        <label key={String(o.value)} className="inline">
          <input type="radio" name={name} checked={value === o.value} onChange={() => onChange(o.value)} />{' '}
          {o.label}
        </label>
      ))}
    </>
  );
}

/** An organisation as memberships and partners name it. */
interface NamedOrganization {
  organizationId: string;
  organizationName: string;
}

/** A labelled choice of one organisation (by id) among the user's memberships or a programme's partners. */
export function OrganizationField({
  organizations,
  ...field
}: LabelledProps & {
  organizations: NamedOrganization[];
  value: string;
  onChange: BoundField['onChange'];
  blank?: ReactNode;
}) {
  return (
    <SelectField
      values={organizations.map((o) => o.organizationId)}
      optionLabel={(id) => organizations.find((o) => o.organizationId === id)?.organizationName}
      {...field}
    />
  );
}

/**
 * A form that talks to the API: no browser validation (the API's messages are shown instead), the
 * form alert first (after `heading`, when the heading is part of the form), then the fields, then
 * the submit button. `onSubmit` runs through `form.onSubmit` (errors mapped, data refreshed).
 */
export function ApiForm({
  form,
  onSubmit,
  submit,
  heading,
  actions,
  children,
  ...attributes
}: {
  form: FormState;
  onSubmit: () => Promise<void>;
  /** The submit button's text. */
  submit: ReactNode;
  heading?: ReactNode;
  /** Buttons beside the submit button (a "Cancel"), the lot in one `.actions` row. */
  actions?: ReactNode;
  children: ReactNode;
} & Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'>) {
  return (
    <form noValidate {...attributes} onSubmit={form.onSubmit(onSubmit)}>
      {heading}
      <FormAlert form={form} />
      {children}
      {actions ? (
        <div className="actions">
          <SubmitButton form={form}>{submit}</SubmitButton>
          {actions}
        </div>
      ) : (
        <SubmitButton form={form}>{submit}</SubmitButton>
      )}
    </form>
  );
}

/** A smaller form below a section's content ("New task"), named by its own `<h3>` heading. */
export function SubForm({
  title,
  ...form
}: { title: ReactNode } & Omit<Parameters<typeof ApiForm>[0], 'heading'>) {
  const id = useId();
  return <ApiForm className="subform" aria-labelledby={id} heading={<h3 id={id}>{title}</h3>} {...form} />;
}
