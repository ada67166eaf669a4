export * from './create-indicator.dto';
export * from './update-indicator.dto';
export * from './list-indicators.dto';
export * from './report-indicator-value.dto';
export * from './lock-period.dto';
export { INDICATOR_NUMBER_LIMIT, indicatorNumberProblem } from './indicator-fields';
