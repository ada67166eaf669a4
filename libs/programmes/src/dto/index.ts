export * from './create-programme.dto';
export * from './update-programme.dto';
export * from './list-programmes.dto';
export * from './programme-transition.dto';
export * from './partner.dto';
export * from './global-goal-fields';
