export * from './create-consultation.dto';
export * from './update-consultation.dto';
export * from './list-consultations.dto';
export * from './consultation-transition.dto';
export * from './question.dto';
export * from './response.dto';
export * from './outcome.dto';
export * from './meeting.dto';
