import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { CIVIL_SOCIETY_SERVICES, CivilSocietyService } from './civil-society-profile.entity';

export class CivilSocietyProfileDto {
  @ApiProperty({ enum: CIVIL_SOCIETY_SERVICES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(CIVIL_SOCIETY_SERVICES.length)
  @IsIn(CIVIL_SOCIETY_SERVICES, {
    each: true,
    message: `each of services must be one of: ${CIVIL_SOCIETY_SERVICES.join(', ')}`,
  })
  services!: CivilSocietyService[];
}
