import { ApiExtraModels, ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  GOOD_IDEA_CRITERIA,
  GoodIdea,
  GoodIdeaAdaptation,
  GoodIdeaAssessment,
  GoodIdeaEndorsement,
  GoodIdeaStatus,
  GoodIdeaText,
  RecognitionKind,
} from './entities';

export class GoodIdeaTextResponse {
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() challenge!: string;
  @ApiProperty() approach!: string;
}

export class GoodIdeaPartnerResponse {
  @ApiProperty({ example: 'employer' }) kind!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

export class GoodIdeaResourceResponse {
  @ApiProperty() title!: string;
  @ApiProperty() url!: string;
}

export class AssessmentResponse {
  @ApiProperty({ enum: GOOD_IDEA_CRITERIA }) criterion!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) rating!: number;
  @ApiProperty() rationale!: string;
  @ApiProperty() assessedAt!: Date;
}

export class RecognitionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: RecognitionKind }) kind!: RecognitionKind;
  @ApiProperty() organizationId!: string;
  @ApiProperty({ description: 'The endorsing organisation (organisations are public, people are not)' })
  organizationName!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
  @ApiProperty() statement!: string;
  @ApiProperty() createdAt!: Date;
}

export class AdaptationSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty({ example: '2027-09-01' }) startDate!: string;
  @ApiProperty({ description: "The adapted programme's status (draft, active, …)" }) programmeStatus!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The idea written from the adaptation, once published',
  })
  childSlug!: string | null;
}

export class IndicatorSlotResponse {
  @ApiProperty() name!: string;
  @ApiProperty() dimension!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() direction!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Always null: the new city measures its own' })
  baseline!: null;
}

export class PartnerSlotResponse {
  @ApiProperty() kind!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ example: 'an employer in sector C' }) description!: string;
  @ApiProperty({ nullable: true, type: String }) filledByOrganizationId!: null;
}

export class AdaptationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() ideaId!: string;
  @ApiProperty({ description: 'The new draft programme' }) programmeId!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() city!: string;
  @ApiProperty() country!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty({ type: [IndicatorSlotResponse] }) indicatorSlots!: IndicatorSlotResponse[];
  @ApiProperty({ type: [PartnerSlotResponse] }) partnerSlots!: PartnerSlotResponse[];
  @ApiProperty({ description: 'Milestones created in the programme, shifted to the new start date' })
  milestones!: { title: string; dueDate: string }[];
  @ApiProperty({ description: 'Tasks created from the task templates' }) tasksCreated!: number;
  @ApiProperty() createdAt!: Date;
}

/** Evidence drawn from the linked programme: aggregates only, small cells suppressed. */
export class EvidenceResponse {
  @ApiProperty({ description: 'When these figures were read' }) asOf!: Date;
  @ApiProperty({ description: 'Active partners by organisation kind, government level and role' })
  partners!: { kind: string; governmentLevel: string | null; role: string; organizations: number }[];
  @ApiProperty({
    description: 'Indicators: baseline, latest value and, for gap indicators, the change of the gap',
  })
  indicators!: Record<string, unknown>[];
  @ApiProperty({ description: 'Consultations behind the programme with their published outcome' })
  consultations!: Record<string, unknown>[];
  @ApiProperty({ description: 'Placement retention at 3, 6 and 12 months; cells under 5 people read "<5"' })
  placements!: Record<string, unknown>;
}

class IdeaCommon {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'from-survival-jobs-to-rich-harvest-1a2b3c4d' }) slug!: string;
  @ApiProperty({ enum: GoodIdeaStatus }) status!: GoodIdeaStatus;
  @ApiProperty() organizationId!: string;
  @ApiProperty() organizationName!: string;
  @ApiProperty() city!: string;
  @ApiProperty({ example: 'CA' }) country!: string;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ description: 'The text in the primary language' }) title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [String] }) dimensions!: string[];
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({ type: [String] }) targetGroups!: string[];
  @ApiProperty({ type: [String] }) sdgTargets!: string[];
  @ApiProperty({ type: [Number] }) gcmObjectives!: number[];
  @ApiProperty({ type: [String] }) partnerKinds!: string[];
  @ApiProperty({ nullable: true, type: Date }) publishedAt!: Date | null;
}

export class TitleSummaryResponse {
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
}

@ApiExtraModels(TitleSummaryResponse)
export class GoodIdeaSummaryResponse extends IdeaCommon {
  @ApiProperty({
    description: 'Title and summary in each of `languages`',
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/TitleSummaryResponse' },
  })
  translations!: Record<string, TitleSummaryResponse>;
}

/** What the idea says, who helped and how it has fared, as both its private and its public page show it. */
@ApiExtraModels(GoodIdeaTextResponse)
export class GoodIdeaContentResponse {
  @ApiProperty() challenge!: string;
  @ApiProperty() approach!: string;
  @ApiProperty({
    description: 'Texts per language',
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/GoodIdeaTextResponse' },
  })
  texts!: Record<string, GoodIdeaTextResponse>;
  @ApiProperty({ type: [GoodIdeaPartnerResponse] }) partners!: GoodIdeaPartnerResponse[];
  @ApiProperty({ type: [GoodIdeaResourceResponse] }) resources!: GoodIdeaResourceResponse[];
  @ApiProperty({ nullable: true, type: String }) startedOn!: string | null;
  @ApiProperty({ type: [AssessmentResponse] }) assessments!: AssessmentResponse[];
  @ApiProperty({ type: [RecognitionResponse], description: 'Recognised by: endorsements and awards' })
  recognitions!: RecognitionResponse[];
  @ApiProperty({ type: [AdaptationSummaryResponse], description: 'Where it has travelled' })
  adaptations!: AdaptationSummaryResponse[];
  @ApiPropertyOptional({ type: EvidenceResponse, nullable: true, description: 'Live, from the programme' })
  evidence!: EvidenceResponse | null;
  @ApiPropertyOptional({ type: EvidenceResponse, nullable: true, description: 'Frozen when published' })
  evidenceSnapshot!: EvidenceResponse | null;
}

@ApiExtraModels(GoodIdeaTextResponse)
export class GoodIdeaResponse extends IntersectionType(IdeaCommon, GoodIdeaContentResponse) {
  @ApiProperty({ nullable: true, type: String }) programmeId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The idea this one was adapted from' })
  parentIdeaId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Reserved for the territories model' })
  territoryId!: string | null;
  @ApiProperty({ nullable: true, type: String }) returnedReason!: string | null;
  @ApiProperty({ nullable: true, type: Date }) submittedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;
}

/** The public page's idea: no ids of internal records beyond what links need, no people. */
@ApiExtraModels(GoodIdeaTextResponse)
export class PublicGoodIdeaResponse extends IntersectionType(
  GoodIdeaSummaryResponse,
  GoodIdeaContentResponse,
) {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Slug of the idea this one was adapted from',
  })
  parentSlug!: string | null;
}

export class GoodIdeaPageResponse {
  @ApiProperty({ type: [GoodIdeaSummaryResponse] }) items!: GoodIdeaSummaryResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CuratorResponse {
  @ApiProperty() organizationId!: string;
  @ApiProperty() grantedAt!: Date;
}

const EMPTY: GoodIdeaText = { title: '', summary: '', challenge: '', approach: '' };

/** The text in `lang` if the idea has it, else in its primary language. */
export function textIn(
  idea: Pick<GoodIdea, 'texts' | 'languages'>,
  lang?: string,
): GoodIdeaText & { lang: string } {
  const l = lang && idea.texts[lang as keyof GoodIdea['texts']]?.title ? lang : idea.languages[0];
  return { ...EMPTY, ...(idea.texts[l as keyof GoodIdea['texts']] ?? {}), lang: l };
}

export function summaryView(idea: GoodIdea, organizationName: string): GoodIdeaSummaryResponse {
  const t = textIn(idea);
  return {
    id: idea.id,
    slug: idea.slug,
    status: idea.status,
    organizationId: idea.organizationId,
    organizationName,
    city: idea.city,
    country: idea.country,
    languages: idea.languages,
    title: t.title,
    summary: t.summary,
    dimensions: idea.dimensions,
    themes: idea.themes,
    targetGroups: idea.targetGroups,
    sdgTargets: idea.sdgTargets,
    gcmObjectives: idea.gcmObjectives,
    partnerKinds: idea.partnerKinds,
    publishedAt: idea.publishedAt,
    translations: Object.fromEntries(
      idea.languages.map((l) => {
        const x = idea.texts[l as keyof GoodIdea['texts']];
        return [l, { title: x?.title ?? '', summary: x?.summary ?? '' }];
      }),
    ),
  };
}

/** What the idea says and who helped, as both its private and its public page show it. */
export function contentView(idea: GoodIdea) {
  const t = textIn(idea);
  return {
    challenge: t.challenge,
    approach: t.approach,
    texts: textsView(idea),
    partners: idea.partners,
    resources: idea.resources,
    startedOn: idea.startedOn,
  };
}

export function assessmentView(a: GoodIdeaAssessment): AssessmentResponse {
  return { criterion: a.criterion, rating: a.rating, rationale: a.rationale, assessedAt: a.assessedAt };
}

export function textsView(idea: GoodIdea): Record<string, GoodIdeaTextResponse> {
  const out: Record<string, GoodIdeaTextResponse> = {};
  for (const l of idea.languages) out[l] = { ...EMPTY, ...(idea.texts[l as keyof GoodIdea['texts']] ?? {}) };
  return out;
}

export type EndorsementRow = GoodIdeaEndorsement & {
  organizationName: string;
  city: string;
  country: string;
};
export function recognitionView(e: EndorsementRow): RecognitionResponse {
  return {
    id: e.id,
    kind: e.kind,
    organizationId: e.organizationId,
    organizationName: e.organizationName,
    city: e.city,
    country: e.country,
    statement: e.statement,
    createdAt: e.createdAt,
  };
}

export function adaptationView(
  a: GoodIdeaAdaptation,
  milestones: { title: string; dueDate: string }[],
  tasksCreated: number,
): AdaptationResponse {
  return {
    id: a.id,
    ideaId: a.ideaId,
    programmeId: a.programmeId,
    organizationId: a.organizationId,
    city: a.city,
    country: a.country,
    startDate: a.startDate,
    indicatorSlots: a.indicatorSlots,
    partnerSlots: a.partnerSlots,
    milestones,
    tasksCreated,
    createdAt: a.createdAt,
  };
}

/** What the audit trail keeps of an idea. */
export function ideaSnapshot(idea: GoodIdea): Record<string, unknown> {
  return {
    status: idea.status,
    organizationId: idea.organizationId,
    programmeId: idea.programmeId,
    city: idea.city,
    country: idea.country,
    languages: idea.languages,
    texts: idea.texts,
    dimensions: idea.dimensions,
    themes: idea.themes,
    targetGroups: idea.targetGroups,
    sdgTargets: idea.sdgTargets,
    gcmObjectives: idea.gcmObjectives,
    partners: idea.partners,
    resources: idea.resources,
    startedOn: idea.startedOn,
    returnedReason: idea.returnedReason,
  };
}
