// Interface text, one file per area and language. English is the reference: French must have every
// key (a missing one fails `tsc`), Arabic covers the respondent's side (keys starting with "respond.").
import { ar } from './ar';
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
  ...fr_publicPages,
};
export { ar };
