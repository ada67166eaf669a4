export * from '@tandem/core';
export * from './create-task.dto';
export * from './update-task.dto';
export * from './transition-task.dto';
export * from './list-tasks.dto';
export * from './create-task-comment.dto';
