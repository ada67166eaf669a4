import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class ReorderQuestionsDto {
  @ApiProperty({ description: 'Every question id of the consultation, in the new order', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'questionIds must not repeat a question' })
  @IsUUID(undefined, { each: true, message: 'questionIds must be question ids (UUIDs)' })
  questionIds!: string[];
}
