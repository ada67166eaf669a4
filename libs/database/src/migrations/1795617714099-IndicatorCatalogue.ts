import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read-only indicator catalogue (issue 19), frozen here as published: the EU core integration
 * indicators agreed at Zaragoza (2010) and piloted by Eurostat (2011), a selection of the OECD/EU
 * "Settling In" indicators (2018, 2023) one or more per domain, the domains of the UK Home Office
 * Indicators of Integration framework (2019) with one measure each, and SDG indicators that the
 * UN asks to disaggregate by migratory status. Names are given in en/fr/es (and ar for the EU core
 * set); definitions in English, plus French where written faithfully. A language is left out
 * rather than guessed. A later correction is a new migration, never an edit of this one.
 *
 * direction: which way is better for the migrant value (increase = higher is better).
 * kind gap: compared with the comparison population, gap = migrant − host; plain: migrants only.
 */
type Row = {
  code: string;
  domain: string;
  dimension: string;
  name: Record<string, string>;
  definition: Record<string, string>;
  unit: string;
  direction: 'increase' | 'decrease';
  kind: 'gap' | 'plain';
  comparison: string | null;
  source: 'census' | 'labour_force_survey' | 'administrative' | 'survey';
};

const FRAMEWORKS = [
  {
    code: 'eu-zaragoza',
    name: {
      en: 'EU core indicators of migrant integration (Zaragoza)',
      fr: 'Indicateurs communs de l’UE sur l’intégration des migrants (Saragosse)',
      es: 'Indicadores comunes de la UE sobre integración de migrantes (Zaragoza)',
    },
    publisher: 'European Union (Zaragoza Declaration 2010; Eurostat pilot study 2011)',
    year: 2011,
    url: 'https://ec.europa.eu/eurostat/web/migrant-integration',
    description: {
      en: 'Core indicators in four areas (employment, education, social inclusion, active citizenship), comparing migrants with the host population.',
      fr: 'Indicateurs communs dans quatre domaines (emploi, éducation, inclusion sociale, citoyenneté active), comparant les migrants à la population d’accueil.',
    },
  },
  {
    code: 'oecd-settling-in',
    name: {
      en: 'OECD/EU Indicators of Immigrant Integration: Settling In',
      fr: 'Les indicateurs de l’intégration des immigrés OCDE/UE : Trouver ses marques',
      es: 'Indicadores de integración de inmigrantes OCDE/UE: Settling In',
    },
    publisher: 'OECD and European Commission',
    year: 2023,
    url: 'https://www.oecd.org/migration/indicators-of-immigrant-integration-2023-1d5020a6-en.htm',
    description: {
      en: 'Comparisons of immigrants and the native-born across labour market, job quality, skills, income, housing, health, civic engagement and social cohesion.',
    },
  },
  {
    code: 'uk-ioi',
    name: {
      en: 'Home Office Indicators of Integration framework',
      fr: 'Cadre des indicateurs d’intégration du Home Office',
      es: 'Marco de indicadores de integración del Home Office',
    },
    publisher: 'UK Home Office',
    year: 2019,
    url: 'https://www.gov.uk/government/publications/indicators-of-integration-framework-2019',
    description: {
      en: '14 domains in four groups: markers and means (work, housing, education, health and social care, leisure), social connections (bonds, bridges, links), facilitators (language and communication, culture, digital skills, safety, stability) and foundation (rights and responsibilities). Tandem carries one measure per domain.',
    },
  },
  {
    code: 'sdg',
    name: {
      en: 'Sustainable Development Goals indicators disaggregated by migratory status',
      fr: 'Indicateurs des objectifs de développement durable ventilés par statut migratoire',
      es: 'Indicadores de los Objetivos de Desarrollo Sostenible desglosados por estatus migratorio',
    },
    publisher: 'United Nations Statistical Commission',
    year: 2017,
    url: 'https://unstats.un.org/sdgs/indicators/indicators-list/',
    description: {
      en: 'Global SDG indicators for which disaggregation by migratory status is called for (target 17.18), and the migration indicators of target 10.7.',
    },
  },
];

const EU: Row[] = [
  {
    code: 'employment-rate',
    domain: 'employment',
    dimension: 'economic',
    name: { en: 'Employment rate', fr: 'Taux d’emploi', es: 'Tasa de empleo', ar: 'معدل التوظيف' },
    definition: {
      en: 'Employed persons aged 20–64 as a percentage of the population of the same age.',
      fr: 'Personnes occupées âgées de 20 à 64 ans, en pourcentage de la population du même âge.',
    },
    unit: '%',
    direction: 'increase',
    kind: 'gap',
    comparison: 'nationals aged 20–64',
    source: 'labour_force_survey',
  },
  {
    code: 'unemployment-rate',
    domain: 'employment',
    dimension: 'economic',
    name: { en: 'Unemployment rate', fr: 'Taux de chômage', es: 'Tasa de desempleo', ar: 'معدل البطالة' },
    definition: {
      en: 'Unemployed persons aged 20–64 as a percentage of the labour force (employed and unemployed) of the same age.',
      fr: 'Chômeurs âgés de 20 à 64 ans, en pourcentage de la population active du même âge.',
    },
    unit: '%',
    direction: 'decrease',
    kind: 'gap',
    comparison: 'nationals aged 20–64',
    source: 'labour_force_survey',
  },
  {
    code: 'activity-rate',
    domain: 'employment',
    dimension: 'economic',
    name: { en: 'Activity rate', fr: 'Taux d’activité', es: 'Tasa de actividad', ar: 'معدل النشاط' },
    definition: {
      en: 'The labour force (employed and unemployed) aged 20–64 as a percentage of the population of the same age.',
      fr: 'Population active (personnes occupées et chômeurs) âgée de 20 à 64 ans, en pourcentage de la population du même âge.',
    },
    unit: '%',
    direction: 'increase',
    kind: 'gap',
    comparison: 'nationals aged 20–64',
    source: 'labour_force_survey',
  },
  {
    code: 'highest-educational-attainment',
    domain: 'education',
    dimension: 'education',
    name: {
      en: 'Highest educational attainment',
      fr: 'Niveau d’études le plus élevé atteint',
      es: 'Nivel educativo más alto alcanzado',
    },
    definition: {
      en: 'Share of the population aged 25–64 whose highest completed level of education is at most lower secondary (ISCED 0–2); the framework reports the full distribution (ISCED 0–2, 3–4, 5–8).',
    },
    unit: '%',
    direction: 'decrease',
    kind: 'gap',
    comparison: 'nationals aged 25–64',
    source: 'labour_force_survey',
  },
  {
    code: 'low-achieving-15-year-olds',
    domain: 'education',
    dimension: 'education',
    name: {
      en: 'Share of low-achieving 15-year-olds',
      fr: 'Proportion d’élèves de 15 ans peu performants',
      es: 'Proporción de alumnos de 15 años con bajo rendimiento',
    },
    definition: {
      en: 'Share of 15-year-olds below proficiency level 2 in reading, mathematics and science (OECD PISA).',
    },
    unit: '%',
    direction: 'decrease',
    kind: 'gap',
    comparison: '15-year-olds without a migrant background',
    source: 'survey',
  },
  {
    code: 'tertiary-attainment',
    domain: 'education',
    dimension: 'education',
    name: {
      en: 'Tertiary educational attainment',
      fr: 'Diplômés de l’enseignement supérieur',
      es: 'Titulados de educación terciaria',
    },
    definition: {
      en: 'Share of persons aged 30–34 who have completed tertiary education (ISCED 5–8).',
      fr: 'Proportion des personnes âgées de 30 à 34 ans ayant achevé des études supérieures (CITE 5–8).',
    },
    unit: '%',
    direction: 'increase',
    kind: 'gap',
    comparison: 'nationals aged 30–34',
    source: 'labour_force_survey',
  },
  {
    code: 'early-leavers',
    domain: 'education',
    dimension: 'education',
    name: {
      en: 'Early leavers from education and training',
      fr: 'Jeunes ayant quitté prématurément l’éducation et la formation',
      es: 'Abandono temprano de la educación y la formación',
    },
    definition: {
      en: 'Share of persons aged 18–24 with at most lower secondary education who are not in further education or training.',
      fr: 'Proportion des 18–24 ans ayant au plus un diplôme du premier cycle du secondaire et ne suivant ni études ni formation.',
    },
    unit: '%',
    direction: 'decrease',
    kind: 'gap',
    comparison: 'nationals aged 18–24',
    source: 'labour_force_survey',
  },
  {
    code: 'median-net-income',
    domain: 'social inclusion',
    dimension: 'economic',
    name: { en: 'Median net income', fr: 'Revenu net médian', es: 'Renta neta mediana', ar: 'متوسط صافي الدخل' },
    definition: {
      en: 'Median equivalised net annual income of persons aged 18 and over; the framework also reads it as the migrant median as a share of the median of the total population.',
    },
    unit: 'EUR per year',
    direction: 'increase',
    kind: 'gap',
    comparison: 'nationals aged 18 and over',
    source: 'survey',
  },
  {
    code: 'at-risk-of-poverty-rate',
    domain: 'social inclusion',
    dimension: 'social',
    name: {
      en: 'At-risk-of-poverty rate',
      fr: 'Taux de risque de pauvreté',
      es: 'Tasa de riesgo de pobreza',
      ar: 'معدل خطر الفقر',
    },
    definition: {
      en: 'Share of persons aged 18 and over with an equivalised disposable income below 60% of the national median.',
      fr: 'Proportion des personnes de 18 ans et plus dont le revenu disponible équivalent est inférieur à 60 % du revenu médian national.',
    },
    unit: '%',
    direction: 'decrease',
    kind: 'gap',
    comparison: 'nationals aged 18 and over',
    source: 'survey',
  },
  {
    code: 'self-reported-health',
    domain: 'social inclusion',
    dimension: 'health',
    name: {
      en: 'Self-reported health',
      fr: 'État de santé perçu',
      es: 'Salud autopercibida',
    },
    definition: {
      en: 'Share of persons aged 16 and over who perceive their health as good or very good.',
      fr: 'Proportion des personnes de 16 ans et plus qui jugent leur état de santé bon ou très bon.',
    },
    unit: '%',
    direction: 'increase',
    kind: 'gap',
    comparison: 'nationals aged 16 and over',
    source: 'survey',
  },
  {
    code: 'property-ownership',
    domain: 'social inclusion',
    dimension: 'housing',
    name: {
      en: 'Property ownership',
      fr: 'Propriété du logement',
      es: 'Propiedad de la vivienda',
    },
    definition: {
      en: 'Share of persons aged 18 and over who live in a dwelling owned by their household.',
    },
    unit: '%',
    direction: 'increase',
    kind: 'gap',
    comparison: 'nationals aged 18 and over',
    source: 'survey',
  },
  {
    code: 'naturalisation',
    domain: 'active citizenship',
    dimension: 'legal',
    name: { en: 'Naturalisation', fr: 'Naturalisation', es: 'Naturalización', ar: 'التجنس' },
    definition: {
      en: 'Persons who acquired citizenship during the year as a percentage of the foreign resident population.',
    },
    unit: '%',
    direction: 'increase',
    kind: 'plain',
    comparison: null,
    source: 'administrative',
  },
  {
    code: 'long-term-residence',
    domain: 'active citizenship',
    dimension: 'legal',
    name: {
      en: 'Long-term residence',
      fr: 'Résidence de longue durée',
      es: 'Residencia de larga duración',
    },
    definition: {
      en: 'Third-country nationals holding a permanent or long-term residence permit as a percentage of all third-country nationals holding a residence permit.',
    },
    unit: '%',
    direction: 'increase',
    kind: 'plain',
    comparison: null,
    source: 'administrative',
  },
  {
    code: 'elected-representatives',
    domain: 'active citizenship',
    dimension: 'civic_political',
    name: {
      en: 'Share of immigrants among elected representatives',
      fr: 'Proportion d’immigrés parmi les élus',
      es: 'Proporción de inmigrantes entre los representantes electos',
    },
    definition: {
      en: 'Elected representatives with a migrant background as a percentage of all elected representatives at the given level.',
    },
    unit: '%',
    direction: 'increase',
    kind: 'plain',
    comparison: null,
    source: 'administrative',
  },
];

const NATIVE = 'native-born aged 15–64';
const OECD: Row[] = [
  ['employment-rate', 'labour market outcomes', 'economic', 'Employment rate', 'Taux d’emploi', 'Tasa de empleo', 'Employed persons aged 15–64 as a percentage of the population of the same age.', '%', 'increase', NATIVE, 'labour_force_survey'],
  ['unemployment-rate', 'labour market outcomes', 'economic', 'Unemployment rate', 'Taux de chômage', 'Tasa de desempleo', 'Unemployed persons aged 15–64 as a percentage of the labour force of the same age.', '%', 'decrease', NATIVE, 'labour_force_survey'],
  ['overqualification-rate', 'job quality', 'economic', 'Overqualification rate', 'Taux de surqualification', 'Tasa de sobrecualificación', 'Share of highly educated employed persons (ISCED 5–8) aged 15–64 working in a job of low or medium skill (ISCO 4–9).', '%', 'decrease', 'highly educated native-born workers aged 15–64', 'labour_force_survey'],
  ['relative-poverty-rate', 'income', 'social', 'Relative poverty rate', 'Taux de pauvreté relative', 'Tasa de pobreza relativa', 'Share of persons living in a household with an equivalised disposable income below 60% of the national median.', '%', 'decrease', 'native-born aged 16 and over', 'survey'],
  ['overcrowding-rate', 'housing', 'housing', 'Overcrowding rate', 'Taux de surpeuplement', 'Tasa de hacinamiento', 'Share of persons living in a dwelling with fewer rooms than the number the household needs.', '%', 'decrease', 'native-born aged 16 and over', 'survey'],
  ['self-reported-health', 'health', 'health', 'Self-reported good health', 'Santé perçue comme bonne', 'Salud autopercibida como buena', 'Share of persons aged 16 and over who report being in good or very good health.', '%', 'increase', 'native-born aged 16 and over', 'survey'],
  ['voter-participation', 'civic engagement', 'civic_political', 'Voter participation', 'Participation électorale', 'Participación electoral', 'Share of nationals aged 18 and over who report having voted in the most recent national election.', '%', 'increase', 'native-born nationals aged 18 and over', 'survey'],
  ['perceived-discrimination', 'social cohesion', 'social', 'Perceived discrimination', 'Discrimination ressentie', 'Discriminación percibida', 'Share of immigrants aged 15–64 who consider themselves members of a group discriminated against on grounds of ethnicity, nationality or race.', '%', 'decrease', null, 'survey'],
].map(([code, domain, dimension, en, fr, es, def, unit, direction, comparison, source]) => ({
  code: code!,
  domain: domain!,
  dimension: dimension!,
  name: { en: en!, fr: fr!, es: es! },
  definition: { en: def! },
  unit: unit!,
  direction: direction as Row['direction'],
  kind: comparison ? 'gap' : 'plain',
  comparison,
  source: source as Row['source'],
}));

const UK: Row[] = [
  ['work', 'markers and means: work', 'economic', 'Work', 'Travail', 'Trabajo', 'Employment rate of working-age adults.', '%', 'increase', 'general population of working age', 'labour_force_survey'],
  ['housing', 'markers and means: housing', 'housing', 'Housing', 'Logement', 'Vivienda', 'Share of households living in overcrowded accommodation.', '%', 'decrease', 'general population', 'survey'],
  ['education', 'markers and means: education', 'education', 'Education', 'Éducation', 'Educación', 'Share of adults holding a qualification at level 3 or above.', '%', 'increase', 'general population aged 25–64', 'census'],
  ['health-social-care', 'markers and means: health and social care', 'health', 'Health and social care', 'Santé et aide sociale', 'Salud y atención social', 'Share of adults registered with a general practitioner.', '%', 'increase', 'general population', 'administrative'],
  ['leisure', 'markers and means: leisure', 'cultural', 'Leisure', 'Loisirs', 'Ocio', 'Share of adults who took part in a leisure, sport or cultural activity in the last 12 months.', '%', 'increase', 'general population', 'survey'],
  ['bonds', 'social connections: bonds', 'social', 'Bonds', 'Liens familiaux et communautaires', 'Vínculos', 'Share of adults who have someone to turn to for help within their family or community.', '%', 'increase', 'general population', 'survey'],
  ['bridges', 'social connections: bridges', 'social', 'Bridges', 'Passerelles', 'Puentes', 'Share of adults who mix socially at least monthly with people from different backgrounds.', '%', 'increase', 'general population', 'survey'],
  ['links', 'social connections: links', 'civic_political', 'Links', 'Liens avec les institutions', 'Enlaces con instituciones', 'Share of adults who know how to contact local services and public institutions.', '%', 'increase', 'general population', 'survey'],
  ['language-communication', 'facilitators: language and communication', 'linguistic', 'Language and communication', 'Langue et communication', 'Lengua y comunicación', 'Share of adults who speak English well or very well (self-reported).', '%', 'increase', null, 'census'],
  ['culture', 'facilitators: culture', 'cultural', 'Culture', 'Culture', 'Cultura', 'Share of adults who feel their culture is respected in their local area.', '%', 'increase', 'general population', 'survey'],
  ['digital-skills', 'facilitators: digital skills', 'social', 'Digital skills', 'Compétences numériques', 'Competencias digitales', 'Share of adults with the essential digital skills for everyday life.', '%', 'increase', 'general population', 'survey'],
  ['safety', 'facilitators: safety', 'social', 'Safety', 'Sécurité', 'Seguridad', 'Share of adults who feel safe walking alone in their local area after dark.', '%', 'increase', 'general population', 'survey'],
  ['stability', 'facilitators: stability', 'housing', 'Stability', 'Stabilité', 'Estabilidad', 'Share of adults who have lived at the same address for at least two years.', '%', 'increase', 'general population', 'survey'],
  ['rights-responsibilities', 'foundation: rights and responsibilities', 'legal', 'Rights and responsibilities', 'Droits et responsabilités', 'Derechos y responsabilidades', 'Share of adults who know their rights and responsibilities as residents.', '%', 'increase', null, 'survey'],
].map(([code, domain, dimension, en, fr, es, def, unit, direction, comparison, source]) => ({
  code: code!,
  domain: domain!,
  dimension: dimension!,
  name: { en: en!, fr: fr!, es: es! },
  definition: { en: def! },
  unit: unit!,
  direction: direction as Row['direction'],
  kind: comparison ? 'gap' : 'plain',
  comparison,
  source: source as Row['source'],
}));

const SDG: Row[] = [
  ['1.1.1', 'goal 1: no poverty', 'economic', 'Proportion of the population below the international poverty line', 'Proportion de la population vivant au-dessous du seuil de pauvreté fixé au niveau international', 'Proporción de la población que vive por debajo del umbral internacional de pobreza', 'Proportion of the population living below the international poverty line, by sex, age, employment status and geographical location (urban/rural), disaggregated by migratory status.', '%', 'decrease', 'non-migrant population', 'survey'],
  ['4.1.1', 'goal 4: quality education', 'education', 'Minimum proficiency in reading and mathematics', 'Niveau minimum de compétence en lecture et en mathématiques', 'Nivel mínimo de competencia en lectura y matemáticas', 'Proportion of children and young people (a) in grades 2/3, (b) at the end of primary and (c) at the end of lower secondary achieving at least a minimum proficiency level in reading and mathematics, by sex, disaggregated by migratory status.', '%', 'increase', 'non-migrant children and young people', 'survey'],
  ['8.5.2', 'goal 8: decent work', 'economic', 'Unemployment rate', 'Taux de chômage', 'Tasa de desempleo', 'Unemployment rate, by sex, age and persons with disabilities, disaggregated by migratory status.', '%', 'decrease', 'non-migrant labour force', 'labour_force_survey'],
  ['8.8.1', 'goal 8: decent work', 'economic', 'Occupational injuries', 'Accidents du travail', 'Lesiones ocupacionales', 'Fatal and non-fatal occupational injuries per 100,000 workers, by sex and migrant status.', 'per 100,000 workers', 'decrease', 'non-migrant workers', 'administrative'],
  ['10.2.1', 'goal 10: reduced inequalities', 'social', 'People living below 50 per cent of median income', 'Personnes vivant avec moins de la moitié du revenu médian', 'Personas que viven por debajo del 50 % de la mediana de los ingresos', 'Proportion of people living below 50 per cent of median income, by sex, age and persons with disabilities, disaggregated by migratory status.', '%', 'decrease', 'non-migrant population', 'survey'],
  ['10.3.1', 'goal 10: reduced inequalities', 'social', 'Felt discrimination', 'Discrimination ressentie', 'Discriminación percibida', 'Proportion of population reporting having personally felt discriminated against or harassed in the previous 12 months on the basis of a ground of discrimination prohibited under international human rights law.', '%', 'decrease', 'non-migrant population', 'survey'],
  ['10.7.1', 'goal 10: reduced inequalities', 'economic', 'Recruitment cost borne by employee', 'Coût du recrutement à la charge du salarié', 'Costo de contratación sufragado por el empleado', 'Recruitment cost borne by employee as a proportion of monthly income earned in country of destination.', '%', 'decrease', null, 'survey'],
  ['10.7.2', 'goal 10: reduced inequalities', 'legal', 'Well-managed migration policies', 'Politiques migratoires bien gérées', 'Políticas migratorias bien gestionadas', 'Number of countries with migration policies that facilitate orderly, safe, regular and responsible migration and mobility of people; at territory level, the share of the six policy domains assessed as meeting the requirements.', '%', 'increase', null, 'administrative'],
].map(([code, domain, dimension, en, fr, es, def, unit, direction, comparison, source]) => ({
  code: code!,
  domain: domain!,
  dimension: dimension!,
  name: { en: en!, fr: fr!, es: es! },
  definition: { en: def! },
  unit: unit!,
  direction: direction as Row['direction'],
  kind: comparison ? 'gap' : 'plain',
  comparison,
  source: source as Row['source'],
}));

const INDICATORS: [string, Row[]][] = [
  ['eu-zaragoza', EU],
  ['oecd-settling-in', OECD],
  ['uk-ioi', UK],
  ['sdg', SDG],
];

export class IndicatorCatalogue1795617714099 implements MigrationInterface {
  name = 'IndicatorCatalogue1795617714099';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const f of FRAMEWORKS)
      await queryRunner.query(
        `INSERT INTO indicator_frameworks (code, name, publisher, year, url, description) VALUES ($1, $2, $3, $4, $5, $6)`,
        [f.code, JSON.stringify(f.name), f.publisher, f.year, f.url, JSON.stringify(f.description)],
      );
    for (const [framework, rows] of INDICATORS)
      for (const [i, r] of rows.entries())
        await queryRunner.query(
          `INSERT INTO framework_indicators
             (code, framework_code, position, domain, dimension, name, definition, unit, direction, kind, comparison_population, data_source)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            `${framework}:${r.code}`,
            framework,
            i + 1,
            r.domain,
            r.dimension,
            JSON.stringify(r.name),
            JSON.stringify(r.definition),
            r.unit,
            r.direction,
            r.kind,
            r.comparison,
            r.source,
          ],
        );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM framework_indicators`);
    await queryRunner.query(`DELETE FROM indicator_frameworks`);
  }
}
