import { Injectable } from '@nestjs/common';
import { Actor, Clock, CoreError, mapPage, Page } from '@tandem/core';
import { isoDate } from './classifications';
import { DueCheckInView, OVERDUE_AFTER_DAYS } from './due-check-in.view';
import { DueCheckInsRepository } from './due-check-ins.repository';
import { ListDueCheckInsDto } from './dto';
import { PlacementAccessService } from './placement-access.service';

const DAY_MS = 86_400_000;

/** An employer's check-ins to answer now, oldest first, each flagged overdue when it has waited too long. */
@Injectable()
export class DueCheckInsService {
  constructor(
    private readonly repository: DueCheckInsRepository,
    private readonly access: PlacementAccessService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, filter: ListDueCheckInsDto): Promise<Page<DueCheckInView>> {
    const { employerOrganizationId, ...page } = filter;
    // Another organisation's list does not exist for you: 404, the same as a missing one.
    if (employerOrganizationId && !this.access.isMemberOf(actor, employerOrganizationId)) {
      throw CoreError.notFound('Organisation');
    }
    const employers = employerOrganizationId ? [employerOrganizationId] : this.access.orgIds(actor);
    const today = isoDate(this.clock.now());
    const rows = await this.repository.listDue(employers, today, page);
    return mapPage(rows, (c) => {
      const daysSinceDue = Math.round((Date.parse(today) - Date.parse(c.dueOn)) / DAY_MS);
      return {
        id: c.id,
        placementId: c.placementId,
        employerOrganizationId: c.placement!.employerOrganizationId,
        months: c.months,
        dueOn: c.dueOn,
        status: c.status,
        overdue: daysSinceDue > OVERDUE_AFTER_DAYS,
        daysSinceDue,
        jobTitle: c.placement!.jobTitle,
        participantReferenceCode: c.placement!.participant!.referenceCode,
        startDate: c.placement!.startDate,
      };
    });
  }
}
