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
};
