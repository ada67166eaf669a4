export * from './create-territory.dto';
export * from './record-observation.dto';
export * from './comparison-query.dto';
export * from './bank-question.dto';
