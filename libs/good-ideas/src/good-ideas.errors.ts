import { LibraryError } from '@tandem/core';

export enum GoodIdeasErrorCode {
  GoodIdeaTransitionNotAllowed = 'GOOD_IDEA_TRANSITION_NOT_ALLOWED',
  GoodIdeaNotEditable = 'GOOD_IDEA_NOT_EDITABLE',
  GoodIdeaNotPublished = 'GOOD_IDEA_NOT_PUBLISHED',
  GoodIdeaAlreadyEndorsed = 'GOOD_IDEA_ALREADY_ENDORSED',
  GoodIdeaTextIncomplete = 'GOOD_IDEA_TEXT_INCOMPLETE',
  GoodIdeaAssessmentIncomplete = 'GOOD_IDEA_ASSESSMENT_INCOMPLETE',
  GoodIdeaOwnOrganization = 'GOOD_IDEA_OWN_ORGANIZATION',
  GoodIdeaProgrammeNotLed = 'GOOD_IDEA_PROGRAMME_NOT_LED',
}

/** `field`: the request field at fault, reported in the problem's `errors`. */
export class GoodIdeasError extends LibraryError<GoodIdeasErrorCode> {}
