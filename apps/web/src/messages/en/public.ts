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
  'public.listing.intro':
    "A listed programme appears on its city's public page while it is active, readable by anyone without signing in: its title, dimensions, partners by kind and SDG/GCM tags. Tasks, indicators and partner names stay private.",
  'public.listing.switch': "List on the city's public page",
  'public.listing.isListed': "This programme is listed on the city's public page.",
  'public.listing.isListedInactive':
    "This programme is listed; it appears on the city's public page while it is active.",
  'public.listing.isUnlisted': 'Only the partners see this programme.',
  'public.listing.confirmTitle': 'List “{title}” on the public page?',
  'public.listing.confirmBody':
    "Anyone will be able to read its title, dimensions, partners by kind and SDG/GCM tags on the city's public page, without signing in. You can unlist it at any time.",
  'public.listing.confirm': 'List publicly',
} as const;
