import { Injectable } from '@nestjs/common';
import { UsersRepository } from '@tandem/auth';
import { CoreError, TransactionService } from '@tandem/core';
import { isValidTimeZone } from './digest-window';
import { EMAIL_CADENCES, EmailCadence } from './entities/notification-preference.entity';
import { isNotificationType } from './notification-texts';
import { PreferencesRepository } from './preferences.repository';
import { SUPPORTED_LANGUAGES } from './templates/layout';

export interface NotificationPreferences {
  language: string;
  timeZone: string;
  inApp: 'always';
  email: { default: EmailCadence; byType: Record<string, EmailCadence> };
}

export interface NotificationPreferencesInput {
  language: string;
  timeZone: string;
  email: { default: EmailCadence; byType?: Record<string, string> };
}

/** A user's own notification preferences. Always the caller's: there is no way to name another user. */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly tx: TransactionService,
    private readonly users: UsersRepository,
    private readonly preferences: PreferencesRepository,
  ) {}

  async get(userId: string): Promise<NotificationPreferences> {
    const [locale, email] = await Promise.all([this.users.localeOf(userId), this.preferences.of(userId)]);
    if (!locale) throw CoreError.notFound('User');
    return {
      ...locale,
      inApp: 'always',
      email: { default: email?.emailDefault ?? 'immediate', byType: email?.emailByType ?? {} },
    };
  }

  /** Replaces all of them; each bad value is a 400 naming its field. */
  async put(userId: string, input: NotificationPreferencesInput): Promise<NotificationPreferences> {
    const errors: { field: string; message: string }[] = [];
    if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(input.language))
      errors.push({ field: 'language', message: `must be one of ${SUPPORTED_LANGUAGES.join(', ')}` });
    if (!isValidTimeZone(input.timeZone))
      errors.push({ field: 'timeZone', message: 'must be an IANA time zone such as Europe/Lisbon' });
    if (!EMAIL_CADENCES.includes(input.email.default))
      errors.push({ field: 'email.default', message: `must be one of ${EMAIL_CADENCES.join(', ')}` });
    const byType = input.email.byType ?? {};
    for (const [type, cadence] of Object.entries(byType)) {
      if (!isNotificationType(type))
        errors.push({ field: `email.byType.${type}`, message: 'is not a notification type' });
      else if (!(EMAIL_CADENCES as readonly string[]).includes(cadence))
        errors.push({
          field: `email.byType.${type}`,
          message: `must be one of ${EMAIL_CADENCES.join(', ')}`,
        });
    }
    if (errors.length)
      throw new CoreError(
        CoreError.invalid(errors[0].field, errors[0].message).code,
        errors.map((e) => `${e.field} ${e.message}`).join('; '),
        errors,
      );
    await this.tx.run(async (em) => {
      await this.users.setLocale(em, userId, input.language, input.timeZone);
      await this.preferences.save(em, userId, input.email.default, byType as Record<string, EmailCadence>);
    });
    return this.get(userId);
  }
}
