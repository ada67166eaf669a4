export * from './create-participant.dto';
export * from './create-placement.dto';
export * from './list-placements.dto';
export * from './answer-check-in.dto';
export * from './create-import.dto';
export * from './break-glass.dto';
