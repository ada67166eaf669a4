import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { IsEnumValue, IsHttpUrl, IsInstant, NestedList } from '@tandem/core';
import { MeetingType } from '../entities';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateMeetingDto {
  @ApiProperty({ example: 'Community evening at the library' })
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @ApiProperty({ enum: MeetingType })
  @IsEnumValue(MeetingType, 'type')
  type!: MeetingType;

  @ApiProperty({ example: '2027-03-10T18:00:00Z' })
  @IsInstant({ message: 'startsAt must be an ISO 8601 date-time' })
  startsAt!: string;

  @ApiProperty({ example: '2027-03-10T20:00:00Z' })
  @IsInstant({ message: 'endsAt must be an ISO 8601 date-time' })
  endsAt!: string;

  @ApiPropertyOptional({ description: 'Required for in_person and hybrid' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  location?: string;

  @ApiPropertyOptional({ description: 'Required for online and hybrid' })
  @IsOptional()
  @IsHttpUrl()
  @MaxLength(2000)
  onlineUrl?: string;

  @ApiPropertyOptional({ description: 'Seats; omit for no limit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  capacity?: number;
}

export class UpdateMeetingDto extends PartialType(CreateMeetingDto) {}

export class RsvpDto {
  @ApiProperty()
  @IsBoolean()
  attending!: boolean;

  @ApiPropertyOptional({
    description: 'The organisation you come for, if you belong to several invited ones',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class AttendeeDto {
  @ApiProperty()
  @IsUUID()
  userId!: string;

  @ApiProperty()
  @IsBoolean()
  attended!: boolean;
}

export class RecordAttendanceDto {
  @NestedList(AttendeeDto, 5000)
  attendees!: AttendeeDto[];
}
