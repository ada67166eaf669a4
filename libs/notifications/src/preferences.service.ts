import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CoreError } from '@tandem/core';
import { DataSource } from 'typeorm';
import { isValidTimeZone } from './digest-window';
import {
  EMAIL_CADENCES,
  EmailCadence,
  NotificationPreference,
} from './entities/notification-preference.entity';
import { isNotificationType } from './notification-texts';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<NotificationPreferences> {
    const [row] = (await this.dataSource.query(
      `SELECT u.preferred_language, u.time_zone, np.email_default, np.email_by_type
         FROM users u LEFT JOIN notification_preferences np ON np.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as {
      preferred_language: string;
      time_zone: string;
      email_default: EmailCadence | null;
      email_by_type: Record<string, EmailCadence> | null;
    }[];
    if (!row) throw CoreError.notFound('User');
    return {
      language: row.preferred_language,
      timeZone: row.time_zone,
      inApp: 'always',
      email: { default: row.email_default ?? 'immediate', byType: row.email_by_type ?? {} },
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
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `UPDATE users SET preferred_language = $2, time_zone = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [userId, input.language, input.timeZone],
      );
      await em
        .createQueryBuilder()
        .insert()
        .into(NotificationPreference)
        .values({
          userId,
          emailDefault: input.email.default,
          emailByType: byType as Record<string, EmailCadence>,
        })
        .orUpdate(['email_default', 'email_by_type', 'updated_at'], ['user_id'])
        .execute();
    });
    return this.get(userId);
  }
}
