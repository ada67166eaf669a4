import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto, IsEnumValue } from '@tandem/core';
import { TaskState } from '../entities';

/** `?state=todo,in_progress` and `?state=todo&state=in_progress` both mean "either". */
const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value;
const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListTasksDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TaskState, isArray: true, description: 'One state or a comma-separated list' })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(5)
  @IsEnumValue(TaskState, 'state', { each: true })
  state?: TaskState[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: 'assigneeOrganizationId must be a UUID' })
  assigneeOrganizationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: 'assigneeUserId must be a UUID' })
  assigneeUserId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID(undefined, { message: 'milestoneId must be a UUID' })
  milestoneId?: string;

  @ApiPropertyOptional({ description: 'Only open tasks whose due date is before today (UTC)' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

export class ListMyTasksDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the overdue ones' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}
