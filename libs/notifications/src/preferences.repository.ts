import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EmailCadence, NotificationPreference } from './entities/notification-preference.entity';

/** A user's e-mail cadences (notifications' own table; language and time zone are auth's users). */
@Injectable()
export class PreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  of(userId: string): Promise<NotificationPreference | null> {
    return this.dataSource.getRepository(NotificationPreference).findOneBy({ userId });
  }

  /** Insert or replace, in one statement (two first saves at once cannot collide). */
  async save(
    em: EntityManager,
    userId: string,
    emailDefault: EmailCadence,
    emailByType: Record<string, EmailCadence>,
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(NotificationPreference)
      .values({ userId, emailDefault, emailByType })
      .orUpdate(['email_default', 'email_by_type', 'updated_at'], ['user_id'])
      .execute();
  }
}
