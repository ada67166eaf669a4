export * from './participant.entity';
export * from './placement.entity';
export * from './retention-check.entity';
export * from './placement-import.entity';
