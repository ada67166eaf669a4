import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsString, MaxLength, MinLength } from 'class-validator';
import { GovernmentLevel } from './government-profile.entity';

export class GovernmentProfileDto {
  @ApiProperty({ enum: GovernmentLevel })
  @IsEnum(GovernmentLevel, { message: 'level must be one of: national, regional, municipal, local' })
  level!: GovernmentLevel;

  @ApiProperty({ example: 'City of Riverton' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  jurisdiction!: string;
}
