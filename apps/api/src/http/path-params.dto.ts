import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/**
 * Path parameters as DTOs (`@Param() { id }: IdPath`), one class per path shape, validated by the
 * global ValidationPipe and listed in OpenAPI as required uuid path parameters. PathParamsGuard has
 * already refused a malformed id before anything else runs, with the same field and message; the
 * pipe's check keeps each route correct on its own.
 */
/** Any UUID, whatever its version (class-validator's IsUUID('all') refuses versions 0 and 9-f). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const UuidPathParam = (): PropertyDecorator =>
  applyDecorators(ApiProperty({ format: 'uuid' }), Matches(UUID_PATTERN, { message: 'must be a UUID' }));

/** `/…/:id` */
export class IdPath {
  @UuidPathParam() id!: string;
}

/** `/good-idea-curators/:organizationId` */
export class OrganizationIdPath {
  @UuidPathParam() organizationId!: string;
}

/** `/programmes/:id/partners/:organizationId` */
export class PartnerPath extends IdPath {
  @UuidPathParam() organizationId!: string;
}

/** `/organizations/:id/members/:userId`, `/programmes/:id/managers/:userId` */
export class UserPath extends IdPath {
  @UuidPathParam() userId!: string;
}

/** `/organizations/:id/webhooks/:webhookId` */
export class WebhookPath extends IdPath {
  @UuidPathParam() webhookId!: string;
}

/** `/programmes/:id/milestones/:milestoneId` */
export class MilestonePath extends IdPath {
  @UuidPathParam() milestoneId!: string;
}

/** `/programmes/:id/period-locks/:lockId` */
export class PeriodLockPath extends IdPath {
  @UuidPathParam() lockId!: string;
}

/** `/consultations/:id/questions/:questionId` */
export class QuestionPath extends IdPath {
  @UuidPathParam() questionId!: string;
}

/** `/consultations/:id/meetings/:meetingId` */
export class MeetingPath extends IdPath {
  @UuidPathParam() meetingId!: string;
}
