import type { platform as en } from '../en/platform';

export const platform: Record<keyof typeof en, string> = {
  'list.shown.one': '{count} affiché',
  'list.shown.other': '{count} affichés',
  'list.shownOf.one': '{shown} affiché sur {count}',
  'list.shownOf.other': '{shown} affichés sur {count}',
  'list.more': 'Afficher plus',

  'error.fieldCount.one': 'Veuillez corriger le champ signalé.',
  'error.fieldCount.other': 'Veuillez corriger les {count} champs signalés.',

  'validation.required': 'Ce champ est obligatoire.',
  'validation.minLength': 'Au moins {n} caractères.',
  'validation.maxLength': 'Au plus {n} caractères.',
  'validation.min': 'Au moins {n}.',
  'validation.max': 'Au plus {n}.',
  'validation.number': 'Doit être un nombre.',
  'validation.integer': 'Doit être un nombre entier.',
  'validation.date': 'Doit être une date valide.',
  'validation.email': 'Doit être une adresse e-mail valide.',
  'validation.url': 'Doit être une adresse web valide.',
  'validation.uuid': 'À choisir dans la liste.',
  'validation.choice': 'Choisissez une des valeurs proposées.',
  'validation.notAllowed': 'Ce champ n’est pas accepté ici.',
  'validation.tooMany': 'Trop de valeurs.',
  'validation.tooFew': 'Pas assez de valeurs.',
  'validation.unique': 'Chaque valeur ne peut figurer qu’une fois.',
  'validation.invalid': 'Cette valeur n’est pas valide.',
  'validation.unknownField': '{field} : {message}',

  'confirm.title.generic': 'Confirmer ?',
  'confirm.programme.active':
    'Le programme devient actif : des tâches peuvent être confiées à ses partenaires actifs. Les partenaires voient le nouveau statut sur la page du programme (aucun message n’est envoyé).',
  'confirm.programme.suspended':
    'Le travail sur le programme est suspendu jusqu’à sa reprise. Les partenaires voient le nouveau statut (aucun message n’est envoyé).',
  'confirm.programme.completed':
    'Le programme est clos comme terminé ; c’est définitif. Les partenaires voient le nouveau statut (aucun message n’est envoyé).',
  'confirm.programme.cancelled':
    'Le programme est annulé ; c’est définitif. Les partenaires voient le nouveau statut (aucun message n’est envoyé).',
  'confirm.programme.archived': 'Le programme est archivé et passe en lecture seule.',
  'confirm.programme.other':
    'Le programme change de statut. Les partenaires voient le nouveau statut (aucun message n’est envoyé).',
  'confirm.actionTitle': '{action} : « {title} » ?',
  'confirm.consultation.open':
    'La consultation s’ouvre maintenant : les organisations invitées sont prévenues et peuvent répondre aussitôt.',
  'confirm.consultation.close':
    'La consultation se ferme maintenant : plus aucune réponse n’est acceptée. Les organisations invitées sont prévenues.',
  'confirm.consultation.cancel':
    'La consultation est annulée ; les organisations invitées sont prévenues. C’est définitif.',
  'confirm.consultation.schedule':
    'La consultation s’ouvrira et se fermera à ses dates ; les organisations invitées seront prévenues à l’ouverture.',
  'confirm.consultation.publish':
    'Le résultat est publié : toutes les personnes invitées sont prévenues et peuvent le lire. Il ne peut pas être retiré.',
  'confirm.question.delete': 'La question « {title} » est supprimée de la consultation.',
  'confirm.partner.accept':
    'Votre organisation rejoint le programme comme {role} ; l’organisation cheffe de file est prévenue.',
  'confirm.partner.decline':
    'Votre organisation refuse de rejoindre le programme ; l’organisation cheffe de file est prévenue.',
  'confirm.partner.remove': '{name} est retirée du programme et prévenue.',
  'confirm.member.makeAdmin':
    '{name} devient admin de l’organisation : elle pourra inviter et retirer des membres et accepter des programmes en son nom.',
  'confirm.member.makeMember': '{name} n’est plus admin de l’organisation.',
  'confirm.member.remove': '{name} perd l’accès à tout ce qui est partagé avec l’organisation.',
  'confirm.meeting.cancel': 'La réunion est annulée ; toutes les personnes inscrites sont prévenues.',
  'confirm.job.replay':
    'La tâche est relancée ; ce qu’elle envoie (e-mails, webhooks) peut partir une seconde fois.',
  'confirm.report.cancel': 'La planification s’arrête ; plus aucun rapport n’en sera produit.',

  'platformRole.user': 'Utilisateur',
  'platformRole.admin': 'Admin de la plateforme',
  'language.en': 'Anglais',
  'language.fr': 'Français',
  'language.es': 'Espagnol',
  'language.ar': 'Arabe',

  'dashboard.progressPhrase':
    '{value} sur un objectif de {target} ({percent} % du chemin depuis la valeur de départ {baseline})',
  'dashboard.progressAxis': 'Part du chemin parcouru entre la valeur de départ et l’objectif',
  'audit.action.create': 'Création',
  'audit.action.update': 'Modification',
  'audit.action.delete': 'Suppression',
  brand: 'Tandem',
  'sizeBand.micro': 'Micro (moins de 10 personnes)',
  'sizeBand.small': 'Petite (10 à 49 personnes)',
  'sizeBand.medium': 'Moyenne (50 à 249 personnes)',
  'sizeBand.large': 'Grande (250 personnes ou plus)',
  'criterion.practical': 'Pratique',
  'criterion.innovative': 'Innovante',
  'criterion.successful': 'Réussie',
  'criterion.transferable': 'Transférable',
};
