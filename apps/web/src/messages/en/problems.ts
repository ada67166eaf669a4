// What went wrong, per problem code of the API (`problem.<code>`): one plain sentence per code, for
// the reader who cannot use the server's own (English) wording. See apps/web/src/problems.ts.
export const problems = {
  'problem.VALIDATION_FAILED': 'Some of what you entered is not valid. Check the form and try again.',
  'problem.MALFORMED_REQUEST': 'The server could not read what was sent. Reload the page and try again.',
  'problem.UNAUTHENTICATED': 'Your session has ended. Sign in again.',
  'problem.RATE_LIMITED': 'Too many attempts in a short time. Wait a moment, then try again.',
  'problem.PRECONDITION_REQUIRED': 'This page is out of date. Reload it, then make your change again.',
  'problem.CONFLICT': 'Another change was being saved at the same moment. Reload the page and try again.',
  'problem.SERVICE_UNAVAILABLE':
    'Tandem is unavailable for a moment; nothing was lost. Try again in a few seconds.',
  'problem.DEAD_LETTER_ALREADY_REPLAYED': 'This job has already been run again.',

  'problem.INVALID_CREDENTIALS': 'The e-mail address or the password is wrong.',
  'problem.ACCOUNT_LOCKED': 'Too many failed sign-ins. Wait a few minutes, then try again.',
  'problem.INVALID_REFRESH_TOKEN': 'Your session has expired. Sign in again.',
  'problem.REFRESH_TOKEN_REUSED': 'For your safety you were signed out everywhere. Sign in again.',
  'problem.INVITATION_NOT_FOUND':
    'This invitation link is not valid. A newer invitation may have replaced it.',
  'problem.INVITATION_ALREADY_USED': 'This invitation has already been used.',
  'problem.INVITATION_EXPIRED': 'This invitation has expired. Ask for a new one.',
  'problem.ALREADY_MEMBER': 'This person is already a member of the organisation, or has just been invited.',

  'problem.ORGANIZATION_EXISTS': 'An organisation with this name already exists in this country.',
  'problem.LAST_ORG_ADMIN':
    'An organisation needs at least one administrator. Make another member an administrator first.',

  'problem.PROGRAMME_TRANSITION_NOT_ALLOWED':
    'The programme cannot change to this status from its current one. Reload the page to see where it stands.',
  'problem.PROGRAMME_NOT_ACTIVE': 'This programme is not active, so this can no longer be changed.',
  'problem.ALREADY_PARTNER':
    'This organisation is already a partner of the programme, or is already invited.',
  'problem.PARTNER_NOT_INVITED': 'There is no pending invitation to answer.',
  'problem.PARTNER_NOT_ACTIVE': 'This organisation is no longer an active partner of the programme.',
  'problem.LEAD_PARTNER_FIXED':
    'The lead organisation stays the lead: it cannot be changed, leave or be removed.',
  'problem.NOT_LEAD_MEMBER': 'Programme managers must be members of the lead organisation.',
  'problem.INVALID_DATE_RANGE': 'The end date must not be before the start date.',
  'problem.PERIOD_LOCKED': 'This reporting period is locked. Ask a programme manager to unlock it.',
  'problem.PERIOD_ALREADY_LOCKED': 'This period is already locked.',

  'problem.TASK_TRANSITION_NOT_ALLOWED':
    'The task cannot move to this state from its current one. Reload the page to see where it stands.',
  'problem.TASK_BLOCKED_BY_DEPENDENCY': 'First finish the tasks this one waits for.',
  'problem.DEPENDENCY_CYCLE': 'These tasks would wait for each other in a loop. Choose other prerequisites.',
  'problem.ASSIGNEE_NOT_PARTNER':
    'Tasks go only to active partners of the programme with a working role (not observers).',
  'problem.ASSIGNEE_NOT_MEMBER': 'This person is not a member of the organisation the task goes to.',

  'problem.CONSULTATION_TRANSITION_NOT_ALLOWED':
    'The consultation cannot change to this status from its current one. Reload the page to see where it stands.',
  'problem.CONSULTATION_FROZEN':
    'This consultation has opened: its questions and settings can no longer be changed.',
  'problem.CONSULTATION_NOT_OPEN': 'This consultation is not open: answers are taken only while it is open.',
  'problem.RESPONSE_EXISTS': 'Your organisation has already answered. Change its answer instead.',
  'problem.TRANSLATION_MISSING': "A text is missing in one of the consultation's languages.",
  'problem.CONSULTATION_INCOMPLETE': 'Add at least one question before scheduling the consultation.',
  'problem.NOT_GOVERNMENT': 'Only public authorities can run consultations.',
  'problem.INVALID_SCHEDULE': 'Check the dates: the end must come after the start and must not be past.',
  'problem.UNKNOWN_REFERENCE': 'One of the organisations or programmes chosen cannot be used here.',
  'problem.RESPONDING_ORGANIZATION_REQUIRED':
    'You belong to several organisations: choose the one you are answering for.',
  'problem.MEETING_NOT_AVAILABLE': 'This meeting is cancelled or over, or sign-up for it has ended.',
  'problem.OUTCOME_NOT_PUBLISHED':
    'Only a published outcome can be made public, and free-text answers only together with it.',

  'problem.EMPLOYER_NOT_PROGRAMME_PARTNER': 'The employer is not an active partner of this programme.',
  'problem.PARTICIPANT_NOT_PLACEABLE':
    'This person was not registered by this employer or under this programme.',
  'problem.ORGANIZATION_CANNOT_DO_THIS':
    'This organisation is not an employer. Choose an employer, or name the programme.',
  'problem.PLACEMENT_ALREADY_ENDED':
    'This placement has ended: its job details can no longer be changed, only its start date.',
  'problem.PLACEMENT_ALREADY_LOGGED':
    'This participant already has a placement with this employer starting on that date.',
  'problem.CHECK_IN_NOT_DUE':
    'This check-in cannot be answered: it is not due, or it was already answered or cancelled.',
  'problem.PARTICIPANT_ERASED': "This person's record has been erased.",
  'problem.INVALID_PLACEMENT_DATE':
    'Check this date: a start date cannot be more than twelve months ahead, nor after the end date; an end or leaving date must fall between the start date and today.',
  'problem.IMPORT_NOT_CSV':
    'The file must be a CSV text file (UTF-8, comma-separated). Download the template to see the format.',
  'problem.IMPORT_TOO_LARGE': 'The file is too large for one import. Split it into smaller files.',

  'problem.REPORT_NOT_READY': 'This report is not ready, or it failed. Download it once it is done.',
  'problem.REPORT_EXPIRED': "This report's file has expired. Request the report again.",
  'problem.RECIPIENT_NOT_ALLOWED': 'This recipient may not see what the report shows.',

  'problem.WEBHOOK_DESTINATION_NOT_ALLOWED':
    'Notifications cannot be sent to this address. Use a public https:// address.',

  'problem.GOOD_IDEA_TRANSITION_NOT_ALLOWED':
    'This idea cannot move to that stage from where it is now. Reload the page to see where it stands.',
  'problem.GOOD_IDEA_NOT_EDITABLE': 'This idea can be edited only while it is a draft or has been returned.',
  'problem.GOOD_IDEA_NOT_PUBLISHED': 'Only published ideas can be endorsed or adapted.',
  'problem.GOOD_IDEA_ALREADY_ENDORSED': 'Your organisation has already endorsed this idea.',
  'problem.GOOD_IDEA_TEXT_INCOMPLETE':
    'Before submitting, give a title, summary, challenge and approach in at least one language.',
  'problem.GOOD_IDEA_ASSESSMENT_INCOMPLETE': 'Before publishing, give every criterion a rating and a reason.',
  'problem.GOOD_IDEA_OWN_ORGANIZATION': 'An organisation cannot endorse its own idea.',
  'problem.GOOD_IDEA_PROGRAMME_NOT_LED': 'Choose a programme your organisation leads.',

  'problem.TERRITORY_EXISTS': 'A territory with this code already exists.',
  'problem.TERRITORY_PARENT_UNKNOWN': 'First add the larger territory this one belongs to.',
  'problem.OBSERVATION_IMPORT_NOT_CSV': 'The file must be a readable CSV file (text, comma-separated).',
  'problem.OBSERVATION_IMPORT_INVALID':
    'The file cannot be imported. Check its column headings and its number of rows.',
} as const;
