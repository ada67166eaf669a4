// The console's shared machinery: paged lists, confirmations, validation messages built from the
// API's field errors, labels of API values that had none.
export const platform = {
  'list.shown.one': '{count} shown',
  'list.shown.other': '{count} shown',
  'list.shownOf.one': '{shown} shown of {count}',
  'list.shownOf.other': '{shown} shown of {count}',
  'list.more': 'Show more',

  'error.fieldCount.one': 'Please correct the highlighted field.',
  'error.fieldCount.other': 'Please correct the {count} highlighted fields.',

  // A field's error, from the API's field error (the label of the field is beside it).
  'validation.required': 'This field is required.',
  'validation.minLength': 'Must be at least {n} characters.',
  'validation.maxLength': 'Must be at most {n} characters.',
  'validation.min': 'Must be at least {n}.',
  'validation.max': 'Must be at most {n}.',
  'validation.number': 'Must be a number.',
  'validation.integer': 'Must be a whole number.',
  'validation.date': 'Must be a valid date.',
  'validation.email': 'Must be a valid e-mail address.',
  'validation.url': 'Must be a valid web address.',
  'validation.uuid': 'Must be chosen from the list.',
  'validation.choice': 'Choose one of the listed values.',
  'validation.notAllowed': 'This field is not accepted here.',
  'validation.tooMany': 'Too many values.',
  'validation.tooFew': 'Too few values.',
  'validation.unique': 'Each value may appear only once.',
  'validation.invalid': 'This value is not valid.',
  'validation.unknownField': '{field}: {message}',

  'confirm.title.generic': 'Are you sure?',
  'confirm.programme.active':
    'The programme becomes active: tasks can be assigned to its active partners. Partners see the new status on the programme page (no message is sent).',
  'confirm.programme.suspended':
    'Work on the programme pauses until it is resumed. Partners see the new status (no message is sent).',
  'confirm.programme.completed':
    'The programme is closed as completed; this cannot be undone. Partners see the new status (no message is sent).',
  'confirm.programme.cancelled':
    'The programme is cancelled; this cannot be undone. Partners see the new status (no message is sent).',
  'confirm.programme.archived': 'The programme is archived and becomes read-only.',
  'confirm.programme.other':
    'The programme changes status. Partners see the new status (no message is sent).',
  'confirm.actionTitle': '{action}: “{title}”?',
  'confirm.consultation.open':
    'The consultation opens now: invited organisations are notified and can answer at once.',
  'confirm.consultation.close':
    'The consultation closes now: no more answers are accepted. Invited organisations are notified.',
  'confirm.consultation.cancel':
    'The consultation is cancelled; invited organisations are notified. This cannot be undone.',
  'confirm.consultation.schedule':
    'The consultation will open and close on its dates; invited organisations are notified when it opens.',
  'confirm.consultation.publish':
    'The outcome is published: everyone invited is notified and can read it. It cannot be withdrawn.',
  'confirm.question.delete': 'The question “{title}” is deleted from the consultation.',
  'confirm.partner.accept':
    'Your organisation joins the programme as {role}; the lead organisation is notified.',
  'confirm.partner.decline':
    'Your organisation declines to join the programme; the lead organisation is notified.',
  'confirm.partner.remove': '{name} is removed from the programme and notified.',
  'confirm.member.makeAdmin':
    '{name} becomes an admin of the organisation: they can invite and remove members and accept programmes for it.',
  'confirm.member.makeMember': '{name} stops being an admin of the organisation.',
  'confirm.member.remove': '{name} loses access to everything shared with the organisation.',
  'confirm.meeting.cancel': 'The meeting is cancelled; everyone who signed up is notified.',
  'confirm.job.replay': 'The job runs again; what it sends (e-mails, webhooks) may be sent a second time.',
  'confirm.report.cancel': 'The report schedule stops; no more reports are made from it.',

  'platformRole.user': 'User',
  'platformRole.admin': 'Platform admin',
  'language.en': 'English',
  'language.fr': 'French',
  'language.es': 'Spanish',
  'language.ar': 'Arabic',

  'dashboard.progressPhrase': '{value} of target {target} ({percent}% of the way from baseline {baseline})',
  'dashboard.progressAxis': 'Share of the way from baseline to target',
  'audit.action.create': 'Created',
  'audit.action.update': 'Changed',
  'audit.action.delete': 'Deleted',
  brand: 'Tandem',
  'sizeBand.micro': 'Micro (under 10 people)',
  'sizeBand.small': 'Small (10–49 people)',
  'sizeBand.medium': 'Medium (50–249 people)',
  'sizeBand.large': 'Large (250 people or more)',
  'criterion.practical': 'Practical',
  'criterion.innovative': 'Innovative',
  'criterion.successful': 'Successful',
  'criterion.transferable': 'Transferable',
} as const;
