// Public pages (issue 20): what owners and leads see to publish, and links to the public pages.
export const publicPages = {
  'public.outcome.title': 'Public page',
  'public.outcome.intro':
    'Anyone can read a public outcome without signing in: title, dates, who was invited by kind, how many took part, results with every anonymity rule applied, and your decisions.',
  'public.outcome.isPublic': 'This outcome is public.',
  'public.outcome.isPrivate': 'Only invited organisations see this outcome.',
  'public.outcome.freeTexts': 'Also show written answers (only where at least {n} organisations wrote one)',
  'public.outcome.publish': 'Make public',
  'public.outcome.save': 'Save',
  'public.outcome.withdraw': 'Withdraw from the public page',
  'public.outcome.view': 'Open the public page',
} as const;
