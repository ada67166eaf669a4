import { ReactNode, SelectHTMLAttributes } from 'react';
import { Key, useI18n } from '../i18n';

export type EnumSelectProps<T extends string> = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'children'
> & {
  /** The choices, in the order shown. */
  values: readonly T[];
  value: T | '';
  /** Message prefix of the labels: `priority` shows `priority.high` for `high`. */
  labels?: string;
  /** Or the label of each value, when it is not a message. */
  label?: (value: T) => ReactNode;
  /** A first, empty choice ("any", "choose…") for a field that may be left empty. */
  blank?: ReactNode;
  /** The language each label is written in, when not the page's (a language's own name). */
  optionLang?: (value: T) => string;
};

/**
 * A `<select>` over a fixed set of values (an enum of the API). It renders a plain select, so a
 * `Field` around it gives it its id, name and aria attributes as to any other control.
 */
export function EnumSelect<T extends string>({
  values,
  labels,
  label,
  blank,
  optionLang,
  ...select
}: EnumSelectProps<T>) {
  const { t } = useI18n();
  const text = (v: T): ReactNode => (label ? label(v) : labels ? t(`${labels}.${v}` as Key) : v);
  return (
    <select {...select}>
      {blank !== undefined && <option value="">{blank}</option>}
      {values.map((v) => (
        <option key={v} value={v} lang={optionLang?.(v)}>
          {text(v)}
        </option>
      ))}
    </select>
  );
}

/**
 * A list filter over a fixed set of values: the select inside its label, with "any" as the empty
 * choice; `onChange` gets the value chosen ('' for any).
 */
export function FilterSelect<T extends string>({
  label,
  optionLabel,
  onChange,
  ...select
}: Omit<EnumSelectProps<T>, 'label' | 'onChange' | 'blank'> & {
  label: ReactNode;
  optionLabel?: EnumSelectProps<T>['label'];
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <label>
      {label}
      <EnumSelect
        label={optionLabel}
        blank={t('common.any')}
        onChange={(e) => onChange(e.target.value)}
        {...select}
      />
    </label>
  );
}
