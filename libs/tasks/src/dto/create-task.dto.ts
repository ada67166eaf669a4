import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TaskPriority } from '../entities';
import { IsCalendarDate, NonBlankText, IsEnumValue } from '@tandem/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const MAX_DEPENDENCIES = 50;

export class CreateTaskDto {
  @Transform(trim)
  @NonBlankText(200, 'title', { example: 'Book the venue for the first language course' })
  title!: string;

  @ApiPropertyOptional({ example: 'Two rooms, 20 people each, step-free access.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ nullable: true, description: 'A milestone of the same programme' })
  @IsOptional()
  @IsUUID(undefined, { message: 'milestoneId must be a UUID' })
  milestoneId?: string | null;

  @ApiProperty({ description: 'An active partner of the programme with a working role (not observer)' })
  @IsUUID(undefined, { message: 'assigneeOrganizationId must be a UUID' })
  assigneeOrganizationId!: string;

  @ApiPropertyOptional({ nullable: true, description: 'A member of the assignee organisation' })
  @IsOptional()
  @IsUUID(undefined, { message: 'assigneeUserId must be a UUID' })
  assigneeUserId?: string | null;

  @ApiPropertyOptional({ enum: TaskPriority, default: TaskPriority.Normal })
  @IsOptional()
  @IsEnumValue(TaskPriority, 'priority')
  priority?: TaskPriority;

  @ApiPropertyOptional({
    example: '2027-03-31',
    nullable: true,
    description: 'Due at the end of this day (UTC)',
  })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'Ids of tasks of the same programme that must be finished before this one can start',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_DEPENDENCIES)
  @ArrayUnique({ message: 'blockedBy must not repeat a task' })
  @IsUUID(undefined, { each: true, message: 'blockedBy must be a list of task ids (UUIDs)' })
  blockedBy?: string[];
}
