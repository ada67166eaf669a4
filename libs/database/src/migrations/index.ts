import { Initial1795433620612 } from './1795433620612-Initial';
import { ProgrammesAndTasks1795435362716 } from './1795435362716-ProgrammesAndTasks';
import { Placements1795437229822 } from './1795437229822-Placements';

/** Every migration, in order. Add each generated one here: the webpack bundles need explicit imports. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795433620612,
  ProgrammesAndTasks1795435362716,
  Placements1795437229822,
];
