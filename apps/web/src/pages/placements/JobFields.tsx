import { ReactNode } from 'react';
import { EnumSelect } from '../../components/EnumSelect';
import { Field, FormState } from '../../forms';
import { useI18n } from '../../i18n';
import { CONTRACTS } from './constants';
import { Picker, useChoices } from './pickers';

export interface JobValues {
  jobTitle: string;
  occupationCode: string;
  sector: string;
  contractType: string;
  hoursPerWeek: string;
}

/** The job's fields, as logging a placement and correcting one both ask them (pickers by name). */
export function JobFields({
  form,
  value: v,
  onChange,
  startDate,
}: {
  form: FormState;
  value: JobValues;
  onChange: (field: keyof JobValues, value: string) => void;
  /** The start date's field, first on the second row, where it can be set (logging only). */
  startDate?: ReactNode;
}) {
  const { t } = useI18n();
  const choices = useChoices();
  return (
    <>
      <div className="row">
        <Field form={form} name="jobTitle" label={t('placement.jobTitle')}>
          <input value={v.jobTitle} onChange={(e) => onChange('jobTitle', e.target.value)} />
        </Field>
        <Field
          form={form}
          name="occupationCode"
          label={t('placement.occupationCode')}
          hint={t('placement.occupationHint')}
        >
          <Picker
            list={choices?.occupations ?? []}
            label={t('placement.occupationCode')}
            value={v.occupationCode}
            onChange={(code) => onChange('occupationCode', code)}
          />
        </Field>
        <Field form={form} name="sector" label={t('placement.sector')}>
          <Picker
            list={choices?.sectors ?? []}
            label={t('placement.sector')}
            value={v.sector}
            onChange={(code) => onChange('sector', code)}
          />
        </Field>
      </div>
      <div className="row">
        {startDate}
        <Field form={form} name="contractType" label={t('placement.contractType')}>
          <EnumSelect
            values={CONTRACTS}
            labels="contract"
            value={v.contractType}
            onChange={(e) => onChange('contractType', e.target.value)}
          />
        </Field>
        <Field form={form} name="hoursPerWeek" label={t('placement.hoursPerWeek')}>
          <input
            inputMode="decimal"
            value={v.hoursPerWeek}
            onChange={(e) => onChange('hoursPerWeek', e.target.value)}
          />
        </Field>
      </div>
    </>
  );
}
