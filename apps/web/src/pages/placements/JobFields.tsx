import { ReactNode } from 'react';
import { FormValues, InputField, SelectField } from '../../form-fields';
import { useI18n } from '../../i18n';
import { CONTRACTS } from './constants';
import { PickerField, useChoices } from './pickers';

export type JobValues = {
  jobTitle: string;
  occupationCode: string;
  sector: string;
  contractType: string;
  hoursPerWeek: string;
};

/** The job's fields, as logging a placement and correcting one both ask them (pickers by name). */
export function JobFields({
  values: { field, valueField },
  startDate,
}: {
  /** The form's values (`useFormValues`), holding at least the job's. */
  values: FormValues<JobValues>;
  /** The start date's field, first on the second row (logging, and correcting an active placement). */
  startDate?: ReactNode;
}) {
  const { t } = useI18n();
  const choices = useChoices();
  return (
    <>
      <div className="row">
        <InputField label={t('placement.jobTitle')} {...field('jobTitle')} />
        <PickerField
          list={choices?.occupations ?? []}
          label={t('placement.occupationCode')}
          hint={t('placement.occupationHint')}
          {...valueField('occupationCode')}
        />
        <PickerField list={choices?.sectors ?? []} label={t('placement.sector')} {...valueField('sector')} />
      </div>
      <div className="row">
        {startDate}
        <SelectField
          label={t('placement.contractType')}
          values={CONTRACTS}
          labels="contract"
          {...field('contractType')}
        />
        <InputField inputMode="decimal" label={t('placement.hoursPerWeek')} {...field('hoursPerWeek')} />
      </div>
    </>
  );
}
