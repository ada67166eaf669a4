import type { problems as en } from '../en/problems';

/** Every problem code of the English catalogue (a missing one fails `tsc`). */
export const problems: Record<keyof typeof en, string> = {
  'problem.VALIDATION_FAILED':
    "Une partie de ce que vous avez saisi n'est pas valable. Vérifiez le formulaire et réessayez.",
  'problem.MALFORMED_REQUEST':
    "Le serveur n'a pas pu lire ce qui a été envoyé. Rechargez la page et réessayez.",
  'problem.UNAUTHENTICATED': 'Votre session a pris fin. Reconnectez-vous.',
  'problem.RATE_LIMITED': 'Trop de tentatives en peu de temps. Patientez un instant, puis réessayez.',
  'problem.PRECONDITION_REQUIRED':
    "Cette page n'est plus à jour. Rechargez-la, puis refaites votre modification.",
  'problem.CONFLICT':
    'Une autre modification était enregistrée au même moment. Rechargez la page et réessayez.',
  'problem.SERVICE_UNAVAILABLE':
    "Tandem est indisponible pour un instant ; rien n'est perdu. Réessayez dans quelques secondes.",
  'problem.DEAD_LETTER_ALREADY_REPLAYED': 'Cette tâche de fond a déjà été relancée.',

  'problem.INVALID_CREDENTIALS': "L'adresse e-mail ou le mot de passe est incorrect.",
  'problem.ACCOUNT_LOCKED': 'Trop de connexions échouées. Patientez quelques minutes, puis réessayez.',
  'problem.INVALID_REFRESH_TOKEN': 'Votre session a expiré. Reconnectez-vous.',
  'problem.REFRESH_TOKEN_REUSED': 'Par sécurité, vous avez été déconnecté partout. Reconnectez-vous.',
  'problem.INVITATION_NOT_FOUND':
    "Ce lien d'invitation n'est pas valable. Une invitation plus récente l'a peut-être remplacé.",
  'problem.INVITATION_ALREADY_USED': 'Cette invitation a déjà été utilisée.',
  'problem.INVITATION_EXPIRED': 'Cette invitation a expiré. Demandez-en une nouvelle.',
  'problem.ALREADY_MEMBER': "Cette personne est déjà membre de l'organisation, ou vient d'être invitée.",

  'problem.ORGANIZATION_EXISTS': 'Une organisation de ce nom existe déjà dans ce pays.',
  'problem.LAST_ORG_ADMIN':
    "Une organisation garde au moins un administrateur. Nommez d'abord un autre membre administrateur.",

  'problem.PROGRAMME_TRANSITION_NOT_ALLOWED':
    'Le programme ne peut pas passer à ce statut depuis son statut actuel. Rechargez la page pour voir où il en est.',
  'problem.PROGRAMME_NOT_ACTIVE': "Ce programme n'est pas actif : cela ne peut plus être modifié.",
  'problem.ALREADY_PARTNER': 'Cette organisation est déjà partenaire du programme, ou déjà invitée.',
  'problem.PARTNER_NOT_INVITED': "Il n'y a pas d'invitation en attente de réponse.",
  'problem.PARTNER_NOT_ACTIVE': "Cette organisation n'est plus partenaire active du programme.",
  'problem.LEAD_PARTNER_FIXED':
    "L'organisation chef de file le reste : elle ne peut être ni changée, ni quitter le programme, ni en être retirée.",
  'problem.NOT_LEAD_MEMBER':
    "Les responsables du programme doivent être membres de l'organisation chef de file.",
  'problem.INVALID_DATE_RANGE': 'La date de fin ne peut pas précéder la date de début.',
  'problem.PERIOD_LOCKED':
    'Cette période de rapport est verrouillée. Demandez à un responsable du programme de la déverrouiller.',
  'problem.PERIOD_ALREADY_LOCKED': 'Cette période est déjà verrouillée.',

  'problem.TASK_TRANSITION_NOT_ALLOWED':
    'La tâche ne peut pas passer à cet état depuis son état actuel. Rechargez la page pour voir où elle en est.',
  'problem.TASK_BLOCKED_BY_DEPENDENCY': "Terminez d'abord les tâches dont celle-ci dépend.",
  'problem.DEPENDENCY_CYCLE':
    "Ces tâches s'attendraient les unes les autres en boucle. Choisissez d'autres prérequis.",
  'problem.ASSIGNEE_NOT_PARTNER':
    'Les tâches ne vont qu’aux partenaires actifs du programme ayant un rôle opérationnel (pas aux observateurs).',
  'problem.ASSIGNEE_NOT_MEMBER':
    "Cette personne n'est pas membre de l'organisation à qui la tâche est confiée.",

  'problem.CONSULTATION_TRANSITION_NOT_ALLOWED':
    'La consultation ne peut pas passer à ce statut depuis son statut actuel. Rechargez la page pour voir où elle en est.',
  'problem.CONSULTATION_FROZEN':
    'Cette consultation est ouverte : ses questions et ses réglages ne peuvent plus être modifiés.',
  'problem.CONSULTATION_NOT_OPEN':
    "Cette consultation n'est pas ouverte : les réponses ne sont acceptées que pendant qu'elle l'est.",
  'problem.RESPONSE_EXISTS': 'Votre organisation a déjà répondu. Modifiez plutôt sa réponse.',
  'problem.TRANSLATION_MISSING': 'Un texte manque dans une des langues de la consultation.',
  'problem.CONSULTATION_INCOMPLETE': 'Ajoutez au moins une question avant de programmer la consultation.',
  'problem.NOT_GOVERNMENT': 'Seules les autorités publiques peuvent mener des consultations.',
  'problem.INVALID_SCHEDULE':
    'Vérifiez les dates : la fin doit venir après le début et ne doit pas être passée.',
  'problem.UNKNOWN_REFERENCE':
    'Une des organisations ou un des programmes choisis ne peut pas être utilisé ici.',
  'problem.RESPONDING_ORGANIZATION_REQUIRED':
    'Vous appartenez à plusieurs organisations : choisissez celle au nom de laquelle vous répondez.',
  'problem.MEETING_NOT_AVAILABLE': 'Cette réunion est annulée ou passée, ou les inscriptions sont closes.',
  'problem.OUTCOME_NOT_PUBLISHED':
    'Seul un résultat publié peut être rendu public, et les réponses libres seulement avec lui.',

  'problem.EMPLOYER_NOT_PROGRAMME_PARTNER': "L'employeur n'est pas partenaire actif de ce programme.",
  'problem.PARTICIPANT_NOT_PLACEABLE':
    "Cette personne n'a pas été inscrite par cet employeur ni dans ce programme.",
  'problem.ORGANIZATION_CANNOT_DO_THIS':
    "Cette organisation n'est pas un employeur. Choisissez un employeur, ou indiquez le programme.",
  'problem.PLACEMENT_ALREADY_ENDED':
    'Cette embauche est terminée : ses informations de poste ne peuvent plus être modifiées, seule sa date de début peut l’être.',
  'problem.PLACEMENT_ALREADY_LOGGED':
    'Cette personne a déjà une embauche chez cet employeur commençant à cette date.',
  'problem.CHECK_IN_NOT_DUE':
    "Ce suivi ne peut pas être renseigné : il n'est pas encore dû, ou il a déjà été renseigné ou annulé.",
  'problem.PARTICIPANT_ERASED': 'Le dossier de cette personne a été effacé.',
  'problem.INVALID_PLACEMENT_DATE':
    'Vérifiez cette date : une date de début ne peut pas dépasser douze mois à venir ni être postérieure à la date de fin ; une date de fin ou de départ doit se situer entre la date de début et aujourd’hui.',
  'problem.IMPORT_NOT_CSV':
    'Le fichier doit être un fichier texte CSV (UTF-8, séparé par des virgules). Téléchargez le modèle pour voir le format.',
  'problem.IMPORT_TOO_LARGE':
    'Le fichier est trop volumineux pour un seul import. Découpez-le en fichiers plus petits.',

  'problem.REPORT_NOT_READY': "Ce rapport n'est pas prêt, ou il a échoué. Téléchargez-le une fois terminé.",
  'problem.REPORT_EXPIRED': 'Le fichier de ce rapport a expiré. Demandez de nouveau le rapport.',
  'problem.RECIPIENT_NOT_ALLOWED': "Ce destinataire n'a pas le droit de voir ce que montre le rapport.",

  'problem.WEBHOOK_DESTINATION_NOT_ALLOWED':
    'Les notifications ne peuvent pas être envoyées à cette adresse. Utilisez une adresse publique en https://.',

  'problem.GOOD_IDEA_TRANSITION_NOT_ALLOWED':
    "Cette idée ne peut pas passer à cette étape depuis l'étape actuelle. Rechargez la page pour voir où elle en est.",
  'problem.GOOD_IDEA_NOT_EDITABLE':
    "Cette idée ne peut être modifiée que tant qu'elle est un brouillon ou qu'elle a été renvoyée.",
  'problem.GOOD_IDEA_NOT_PUBLISHED': 'Seules les idées publiées peuvent être soutenues ou adaptées.',
  'problem.GOOD_IDEA_ALREADY_ENDORSED': 'Votre organisation soutient déjà cette idée.',
  'problem.GOOD_IDEA_TEXT_INCOMPLETE':
    'Avant de soumettre, donnez un titre, un résumé, le défi et la démarche dans au moins une langue.',
  'problem.GOOD_IDEA_ASSESSMENT_INCOMPLETE':
    'Avant de publier, donnez à chaque critère une note et une justification.',
  'problem.GOOD_IDEA_OWN_ORGANIZATION': 'Une organisation ne peut pas soutenir sa propre idée.',
  'problem.GOOD_IDEA_PROGRAMME_NOT_LED': 'Choisissez un programme dont votre organisation est chef de file.',

  'problem.TERRITORY_EXISTS': 'Un territoire avec ce code existe déjà.',
  'problem.TERRITORY_PARENT_UNKNOWN': "Ajoutez d'abord le territoire plus large dont celui-ci fait partie.",
  'problem.OBSERVATION_IMPORT_NOT_CSV':
    'Le fichier doit être un fichier CSV lisible (texte, séparé par des virgules).',
  'problem.OBSERVATION_IMPORT_INVALID':
    'Le fichier ne peut pas être importé. Vérifiez les titres de ses colonnes et son nombre de lignes.',
};
