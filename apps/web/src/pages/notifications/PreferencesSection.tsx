import { useState } from 'react';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { useAuth } from '../../auth';
import { Async, useLoad, Card } from '../../components/common';
import { InputField, LanguageField, SelectField, useFormValues } from '../../form-fields';
import { FormAlert, SubmitButton, useApiForm } from '../../forms';
import { useI18n } from '../../i18n';
import { EnumSelect } from '../../components/EnumSelect';

type Cadence = 'immediate' | 'daily_digest' | 'weekly_digest' | 'off';

const CADENCES: Cadence[] = ['immediate', 'daily_digest', 'weekly_digest', 'off'];

type Preferences = components['schemas']['NotificationPreferencesDto'];

/** Notification preferences: language, time zone (for digests), e-mail per notification type. */
export function PreferencesSection() {
  const state = useLoad(async () => {
    const [preferences, types] = await Promise.all([
      call<Preferences>(api.GET('/me/notification-preferences')),
      call<components['schemas']['NotificationTypesView']>(api.GET('/notifications/types')),
    ]);
    return { preferences, types: types.types };
  }, []);
  return (
    <Async state={state}>
      {({ preferences, types }) => <PreferencesForm initial={preferences} types={types} />}
    </Async>
  );
}

function PreferencesForm({ initial, types }: { initial: Preferences; types: string[] }) {
  const { t, labelOf } = useI18n();
  const { reload } = useAuth();
  const form = useApiForm();
  const { values, field } = useFormValues(form, {
    language: initial.language,
    timeZone: initial.timeZone,
    emailDefault: initial.email.default as Cadence,
  });
  const { language, timeZone, emailDefault } = values;
  const [byType, setByType] = useState<Record<string, Cadence>>(initial.email.byType ?? {});
  const [saved, setSaved] = useState(false);
  return (
    <Card id="sec-preferences" title={t('preferences.title')}>
      <p>{t('preferences.inApp')}</p>
      <form
        noValidate
        onSubmit={form.onSubmit(async () => {
          setSaved(false);
          await call(
            api.PUT('/me/notification-preferences', {
              body: { language, timeZone, email: { default: emailDefault, byType } } as never,
            }),
          );
          setSaved(true);
          await reload();
        })}
      >
        <FormAlert form={form} />
        {saved && (
          <p role="status" className="alert alert-ok">
            ✓ {t('common.saved')}
          </p>
        )}
        <div className="row">
          <LanguageField label={t('preferences.language')} {...field('language')} />
          <InputField
            label={t('preferences.timeZone')}
            hint={t('preferences.timeZoneHint')}
            {...field('timeZone')}
          />
          <SelectField
            label={t('preferences.emailDefault')}
            values={CADENCES}
            labels="emailCadence"
            {...field('emailDefault', 'email.default')}
          />
        </div>
        <details>
          <summary>{t('preferences.byType')}</summary>
          <table>
            <tbody>
              {types.map((type) => (
                <tr key={type}>
                  <th scope="row">
                    <label htmlFor={form.fieldId(`email.byType.${type}`)}>
                      {labelOf('notificationType', type)}
                    </label>
                  </th>
                  <td>
                    <EnumSelect
                      values={CADENCES}
                      labels="emailCadence"
                      blank={t('preferences.asDefault')}
                      id={form.fieldId(`email.byType.${type}`)}
                      value={byType[type] ?? ''}
                      aria-invalid={form.errors[`email.byType.${type}`] ? true : undefined}
                      onChange={(e) => {
                        const next = { ...byType };
                        if (e.target.value) next[type] = e.target.value as Cadence;
                        else delete next[type];
                        setByType(next);
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <SubmitButton form={form}>{t('common.save')}</SubmitButton>
      </form>
    </Card>
  );
}
