import { ApiProperty } from '@nestjs/swagger';
import { QueueName } from './job.registry';

export class DeadLetterDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: QueueName }) queue!: string;
  @ApiProperty({ example: 'webhook.deliver' }) jobName!: string;
  @ApiProperty() jobId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
  @ApiProperty() error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) failedAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) replayedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) replayedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Job id of the replay' }) replayJobId!:
    string | null;
}

export class DeadLetterPageDto {
  @ApiProperty({ type: [DeadLetterDto] }) items!: DeadLetterDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
