import { ApiProperty } from '@nestjs/swagger';
import { EmailPreferencesDto } from './dto/put-notification-preferences.dto';
import { SUPPORTED_LANGUAGES } from './templates/layout';

export class NotificationPreferencesDto {
  @ApiProperty({ enum: SUPPORTED_LANGUAGES })
  language!: string;

  @ApiProperty({ example: 'Europe/Lisbon' })
  timeZone!: string;

  @ApiProperty({ enum: ['always'], description: 'In-app notifications cannot be turned off' })
  inApp!: 'always';

  @ApiProperty({ type: EmailPreferencesDto })
  email!: EmailPreferencesDto;
}
