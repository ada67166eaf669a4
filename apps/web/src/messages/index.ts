// Interface text, one file per area and language. English is the reference: every other language
// must have every key (a missing one fails `tsc`).
import { common as es_common } from './es/common';
import { programmes as es_programmes } from './es/programmes';
import { consultations as es_consultations } from './es/consultations';
import { placements as es_placements } from './es/placements';
import { reports as es_reports } from './es/reports';
import { goodIdeas as es_goodIdeas } from './es/goodIdeas';
import { measure as es_measure } from './es/measure';
import { platform as es_platform } from './es/platform';
import { ar as ar_respond } from './ar/respond';
import { common as ar_common } from './ar/common';
import { programmes as ar_programmes } from './ar/programmes';
import { consultations as ar_consultations } from './ar/consultations';
import { placements as ar_placements } from './ar/placements';
import { reports as ar_reports } from './ar/reports';
import { goodIdeas as ar_goodIdeas } from './ar/goodIdeas';
import { measure as ar_measure } from './ar/measure';
import { platform as ar_platform } from './ar/platform';
import { publicPages as ar_publicPages } from './ar/public';
import { publicPages as es_publicPages } from './es/public';
import { platform as en_platform } from './en/platform';
import { platform as fr_platform } from './fr/platform';
import { common as en_common } from './en/common';
import { common as fr_common } from './fr/common';
import { programmes as en_programmes } from './en/programmes';
import { programmes as fr_programmes } from './fr/programmes';
import { consultations as en_consultations } from './en/consultations';
import { consultations as fr_consultations } from './fr/consultations';
import { placements as en_placements } from './en/placements';
import { placements as fr_placements } from './fr/placements';
import { reports as en_reports } from './en/reports';
import { reports as fr_reports } from './fr/reports';
import { goodIdeas as en_goodIdeas } from './en/goodIdeas';
import { goodIdeas as fr_goodIdeas } from './fr/goodIdeas';
import { measure as en_measure } from './en/measure';
import { measure as fr_measure } from './fr/measure';
import { publicPages as en_publicPages } from './en/public';
import { publicPages as fr_publicPages } from './fr/public';

export const en = {
  ...en_common,
  ...en_programmes,
  ...en_consultations,
  ...en_placements,
  ...en_reports,
  ...en_goodIdeas,
  ...en_measure,
  ...en_platform,
  ...en_publicPages,
} as const;
export const fr: Record<keyof typeof en, string> = {
  ...fr_common,
  ...fr_programmes,
  ...fr_consultations,
  ...fr_placements,
  ...fr_reports,
  ...fr_goodIdeas,
  ...fr_measure,
  ...fr_platform,
  ...fr_publicPages,
};
// Arabic: every key (see ar/).
export const ar: Record<keyof typeof en, string> = {
  ...ar_common,
  ...ar_programmes,
  ...ar_consultations,
  ...ar_respond,
  ...ar_placements,
  ...ar_reports,
  ...ar_goodIdeas,
  ...ar_measure,
  ...ar_platform,
  ...ar_publicPages,
};
export const es: Record<keyof typeof en, string> = {
  ...es_common,
  ...es_programmes,
  ...es_consultations,
  ...es_placements,
  ...es_reports,
  ...es_goodIdeas,
  ...es_measure,
  ...es_platform,
  ...es_publicPages,
};
