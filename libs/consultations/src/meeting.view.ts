import { ApiProperty } from '@nestjs/swagger';
import { ConsultationMeeting, MeetingStatus, MeetingType, RsvpStatus } from './entities';

export class MyRsvpView {
  @ApiProperty({ enum: RsvpStatus })
  status!: RsvpStatus;
  waitlistPosition!: number | null;
  attended!: boolean | null;
}

export class MeetingRsvpView {
  userId!: string;
  name!: string;
  organizationId!: string | null;
  @ApiProperty({ enum: RsvpStatus })
  status!: RsvpStatus;
  attended!: boolean | null;
}

export class MeetingView {
  id!: string;
  consultationId!: string;
  title!: string;
  type!: MeetingType;
  startsAt!: Date;
  endsAt!: Date;
  location!: string | null;
  onlineUrl!: string | null;
  capacity!: number | null;
  status!: MeetingStatus;
  attendingCount!: number;
  waitlistCount!: number;
  seatsLeft!: number | null;
  /** The caller's own RSVP, with their place on the waiting list. */
  @ApiProperty({ type: () => MyRsvpView, nullable: true })
  myRsvp!: MyRsvpView | null;
  /** Owners only: who answered, and whether they came. */
  rsvps?: MeetingRsvpView[];
  version!: number;
}

/** A meeting's own settings: the first fields of its view, and what the audit trail keeps of it. */
export const meetingSettings = (m: ConsultationMeeting) => ({
  consultationId: m.consultationId,
  title: m.title,
  type: m.type,
  startsAt: m.startsAt,
  endsAt: m.endsAt,
  location: m.location,
  onlineUrl: m.onlineUrl,
  capacity: m.capacity,
  status: m.status,
});
