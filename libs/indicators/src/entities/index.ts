export * from './indicator-framework.entity';
export * from './framework-indicator.entity';
export * from './territory.entity';
export * from './territory-observation.entity';
export * from './bank-question.entity';
