import { ApiProperty } from '@nestjs/swagger';
import { isISO31661Alpha2, isISO6391 } from 'class-validator';
import isco08 from './data/isco08-unit-groups.json';
import { ISIC4_SECTIONS } from './classifications';

/** One ISCO-08 unit group: its 4-digit code and its title per language (English always). */
export class OccupationView {
  @ApiProperty({ example: '9412' })
  code!: string;

  @ApiProperty({
    example: { en: 'Kitchen helpers' },
    description: 'Official titles by language; English always, others where the project ships them',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  title!: Record<string, string>;
}

/** The code lists the API accepts, for pickers that name them (the console names them with Intl). */
export class ClassificationsView {
  @ApiProperty({ description: 'ISO 3166-1 alpha-2 codes countryOfOrigin accepts', example: ['SY', 'UA'] })
  countries!: string[];

  @ApiProperty({ description: 'ISO 639-1 codes languages accepts', example: ['ar', 'en'] })
  languages!: string[];

  @ApiProperty({ description: 'ISIC Rev.4 section letters sector accepts', example: ['A', 'B'] })
  sectors!: string[];

  @ApiProperty({
    type: [OccupationView],
    description:
      'The 436 ISCO-08 unit groups (ILO, 2008); occupationCode also accepts their 1–3 digit groups',
  })
  occupations!: OccupationView[];

  @ApiProperty({ description: 'Languages the occupation titles are shipped in', example: ['en'] })
  occupationTitleLanguages!: string[];
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
/** Every two-letter code the validator accepts: the lists cannot drift from the DTOs' checks. */
const twoLetter = (accepts: (code: string) => boolean, lower: boolean) =>
  LETTERS.flatMap((a) => LETTERS.map((b) => a + b))
    .map((c) => (lower ? c.toLowerCase() : c))
    .filter(accepts);

export const ISCO08_UNIT_GROUPS: readonly OccupationView[] = isco08.unitGroups;

let lists: ClassificationsView | undefined;

/** Built once: a few hundred codes, the same for every caller. */
export function classificationLists(): ClassificationsView {
  lists ??= {
    countries: twoLetter(isISO31661Alpha2, false),
    languages: twoLetter(isISO6391, true),
    sectors: [...ISIC4_SECTIONS],
    occupations: [...ISCO08_UNIT_GROUPS],
    occupationTitleLanguages: isco08.languages,
  };
  return lists;
}
