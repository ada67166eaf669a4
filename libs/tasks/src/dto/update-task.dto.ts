import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { TaskPriority } from '../entities';
import { IsCalendarDate, NonBlankText, IsEnumValue } from '@tandem/core';
import { MAX_DEPENDENCIES } from './create-task.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Absent means "leave as is"; null is validated, so only the clearable fields accept it. */
const present = (_: object, v: unknown): boolean => v !== undefined;

/**
 * A partial edit. Programme managers may change every field; members of the assignee organisation
 * may change `description`, and `assigneeUserId` to one of their own colleagues (or null).
 * `milestoneId`, `assigneeUserId` and `dueDate` are cleared with null; `blockedBy` replaces the list.
 */
export class UpdateTaskDto {
  @ValidateIf(present)
  @Transform(trim)
  @NonBlankText(200, 'title', { required: false })
  title?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString()
  @MaxLength(10_000)
  description?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID(undefined, { message: 'milestoneId must be a UUID' })
  milestoneId?: string | null;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsUUID(undefined, { message: 'assigneeOrganizationId must be a UUID' })
  assigneeOrganizationId?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID(undefined, { message: 'assigneeUserId must be a UUID' })
  assigneeUserId?: string | null;

  @ApiPropertyOptional({ enum: TaskPriority })
  @ValidateIf(present)
  @IsEnumValue(TaskPriority, 'priority')
  priority?: TaskPriority;

  @ApiPropertyOptional({ example: '2027-03-31', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the list of tasks this one waits for' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_DEPENDENCIES)
  @ArrayUnique({ message: 'blockedBy must not repeat a task' })
  @IsUUID(undefined, { each: true, message: 'blockedBy must be a list of task ids (UUIDs)' })
  blockedBy?: string[];
}
