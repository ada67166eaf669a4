import { ApiProperty } from '@nestjs/swagger';
import { AnswerValue } from './entities';

export class AnswerView {
  questionId!: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { type: 'number' }],
    description: 'Text, the chosen option value(s), or a scale point',
  })
  value!: AnswerValue;
}

export class ResponseView {
  consultationId!: string;
  organizationId!: string;
  answers!: AnswerView[];
  createdAt!: Date;
  updatedAt!: Date;
}
