import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsAcceptablePassword } from '../password';

export class AcceptInvitationDto {
  @ApiProperty({ example: 'Amira Haddad' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    description:
      'At least 12 characters; not a common password. An existing user gives their current password.',
  })
  @IsAcceptablePassword()
  password!: string;
}
