import type { publicPages as en } from '../en/public';

export const publicPages: Record<keyof typeof en, string> = {
  'public.outcome.title': 'Page publique',
  'public.outcome.intro':
    "Chacun peut lire un résultat public sans se connecter : titre, dates, organisations invitées par type, nombre de participants, résultats avec toutes les règles d'anonymat, et vos décisions.",
  'public.outcome.isPublic': 'Ce résultat est public.',
  'public.outcome.isPrivate': 'Seules les organisations invitées voient ce résultat.',
  'public.outcome.freeTexts':
    'Afficher aussi les réponses écrites (seulement si au moins {n} organisations en ont écrit une)',
  'public.outcome.publish': 'Rendre public',
  'public.outcome.save': 'Enregistrer',
  'public.outcome.withdraw': 'Retirer de la page publique',
  'public.outcome.view': 'Ouvrir la page publique',
  'public.listing.intro':
    "Un programme référencé figure sur la page publique de sa ville tant qu'il est actif, lisible par tous sans connexion : son titre, ses dimensions, ses partenaires par type et ses étiquettes ODD/PMM. Les tâches, les indicateurs et les noms des partenaires restent privés.",
  'public.listing.switch': 'Référencer sur la page publique de la ville',
  'public.listing.isListed': 'Ce programme figure sur la page publique de la ville.',
  'public.listing.isListedInactive':
    "Ce programme est référencé ; il figurera sur la page publique de la ville tant qu'il sera actif.",
  'public.listing.isUnlisted': 'Seuls les partenaires voient ce programme.',
  'public.listing.confirmTitle': 'Référencer « {title} » sur la page publique ?',
  'public.listing.confirmBody':
    'Tout le monde pourra lire son titre, ses dimensions, ses partenaires par type et ses étiquettes ODD/PMM sur la page publique de la ville, sans se connecter. Vous pouvez le retirer à tout moment.',
  'public.listing.confirm': 'Référencer publiquement',
};
