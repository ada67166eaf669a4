export * from './task.entity';
export * from './task-dependency.entity';
export * from './task-comment.entity';
