export * from './participant.entity';
export * from './placement.entity';
export * from './retention-check.entity';
