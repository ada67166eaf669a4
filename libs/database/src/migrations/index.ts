import { Initial1795433620612 } from './1795433620612-Initial';

/** Every migration, in order. Add each generated one here: the webpack bundles need explicit imports. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Initial1795433620612];
