export * from './good-idea-text.dto';
export * from './create-good-idea.dto';
export * from './update-good-idea.dto';
export * from './good-idea-review.dto';
export * from './list-good-ideas.dto';
