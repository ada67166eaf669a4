import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../pagination/page';
import { QueueName } from '../job.registry';

export class ListDeadLettersDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QueueName })
  @IsOptional()
  @IsIn(Object.values(QueueName))
  queue?: string;

  @ApiPropertyOptional({ description: 'true: only replayed ones; false: only those not replayed' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  replayed?: boolean;
}
