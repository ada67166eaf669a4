export * from './consultation.entity';
export * from './consultation-invitation.entity';
export * from './consultation-question.entity';
export * from './consultation-response.entity';
export * from './consultation-meeting.entity';
export * from './meeting-rsvp.entity';
