import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CreateTaskCommentDto {
  @ApiProperty({
    example: 'Venue confirmed. @amira@example.org can you bring the interpreters?',
    description: "Plain text. `@` followed by a user's e-mail address mentions them",
  })
  @IsString()
  @MaxLength(10_000)
  @Matches(/\S/, { message: 'body must not be blank' })
  body!: string;
}
