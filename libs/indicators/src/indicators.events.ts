/**
 * What this library records about its writes. Each write stores an audit row with one of these
 * entity types in the same transaction; no queue work follows them yet (nothing subscribes), so
 * they are not outbox events.
 */
export const MeasuringAuditEntity = {
  Territory: 'territory',
  Observation: 'territory_observation',
  BankQuestion: 'bank_question',
} as const;
export type MeasuringAuditEntity = (typeof MeasuringAuditEntity)[keyof typeof MeasuringAuditEntity];
