import type { measure as en } from '../en/measure';

/** Every key of the English measure texts (a missing one fails `tsc`). */
export const measure: Record<keyof typeof en, string> = {
  'measure.territories': 'Territoires',
  'measure.noTerritories': 'Aucun territoire enregistré.',
  'measure.compare': 'Comparer des territoires',
  'measure.coherence': 'Cohérence des politiques',
  'measure.profileOf': 'Profil d’intégration : {name}',
  'measure.convention':
    'Écart = valeur des migrants − valeur de la population d’accueil, dans l’unité de l’indicateur (points de pourcentage pour %). Un écart positif est favorable ou non selon l’indicateur : voir « plus haut est mieux » ou « plus bas est mieux ».',
  'measure.noData': 'Pas encore de chiffres officiels',
  'measure.higherBetter': 'plus haut est mieux',
  'measure.lowerBetter': 'plus bas est mieux',
  'measure.latest': '{period} : migrants {migrant}, population d’accueil {host}, écart {gap} ({unit}).',
  'measure.improved':
    'La situation des migrants s’est améliorée par rapport à la population d’accueil depuis {from} (variation de l’écart {change}).',
  'measure.worsened':
    'La situation des migrants s’est dégradée par rapport à la population d’accueil depuis {from} (variation de l’écart {change}).',
  'measure.gapOverTime': 'Écart dans le temps',
  'measure.period': 'Année',
  'measure.migrant': 'Migrants',
  'measure.host': 'Population d’accueil',
  'measure.gap': 'Écart ({unit})',
  'measure.smallSample': 'Petit échantillon',
  'measure.programmes': 'Programmes qui y travaillent',
  'measure.vsOfficial': 'écart officiel {official}, différence {diff}',
  'measure.indicator': 'Indicateur',
  'measure.territory': 'Territoire',
  'measure.rankByGap': 'Rang selon l’écart',
  'measure.rankByChange': 'Rang selon l’évolution',
  'measure.change': 'Évolution de l’écart',
  'measure.rankNote': 'rang 1 = le plus favorable aux migrants / la plus forte amélioration',
  'measure.figuresNote':
    '{n} territoires comparés ; les chiffres marqués ⚠ reposent sur de petits échantillons.',
  'measure.coherenceOf': 'Cohérence des politiques : {name}',
  'measure.coherenceSummary':
    '{programmes} programmes, dont {mainstreaming} d’intégration transversale ; {empty} cellules vides sur {cells}.',
  'measure.dimension': 'Dimension de l’intégration',
  'measure.matrixCaption': 'Niveaux de gouvernement × domaines d’action pour la dimension {dimension}',
  'measure.level': 'Niveau',
  'measure.emptyCell': 'Aucun programme',
  'measure.mainstreaming': 'intégration transversale',
  'measure.report.framework': 'Code du cadre',
  'measure.report.indicator': 'Code de l’indicateur',
  'measure.report.territories': 'Codes des territoires, séparés par des virgules',
};
