// Interface text, one file per area and language. English is the reference: every other language
// must have every key (a missing one fails `tsc`).
import { ar as ar_respond } from './ar/respond';
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

export const en = {
  ...en_common,
  ...en_programmes,
  ...en_consultations,
  ...en_placements,
  ...en_reports,
  ...en_goodIdeas,
  ...en_measure,
  ...en_platform,
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
};
// Arabic: every key (see ar/).
export const ar: Record<keyof typeof en, string> = { ...en, ...ar_respond };
