import { NonBlankText } from '@tandem/core';

export class CreateTaskCommentDto {
  @NonBlankText(10_000, 'body', {
    example: 'Venue confirmed. @amira@example.org can you bring the interpreters?',
    description: "Plain text. `@` followed by a user's e-mail address mentions them",
  })
  body!: string;
}
