import { Actor } from '@tandem/core';
import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';

import {
  CreateMeetingDto,
  MeetingsService,
  RecordAttendanceDto,
  RsvpDto,
  UpdateMeetingDto,
} from '@tandem/consultations';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Authenticated, Operation } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { IdPath, MeetingPath } from '../http/path-params.dto';

@ApiTags('consultations')
@Authenticated()
@Controller('consultations/:id/meetings')
export class ConsultationMeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @Idempotent()
  @Operation({
    summary: 'Schedule a meeting (owners)',
    description: 'in_person needs a location, online an onlineUrl, hybrid both; capacity optional.',
    problems: [400, 403, 404, 409, 422],
  })
  async create(@CurrentActor() actor: Actor, @Param() { id }: IdPath, @Body() dto: CreateMeetingDto) {
    return this.meetings.create(actor, id, dto);
  }

  @Get()
  @Operation({
    summary: 'Meetings of the consultation, soonest first, with seats and your RSVP',
    problems: [400, 404],
  })
  list(@CurrentActor() actor: Actor, @Param() { id }: IdPath) {
    return this.meetings.list(actor, id);
  }

  @Get(':meetingId')
  @Operation({ summary: 'A meeting (owners also see who answered and who came)', problems: [400, 404] })
  async get(@CurrentActor() actor: Actor, @Param() { id, meetingId }: MeetingPath) {
    return this.meetings.get(actor, id, meetingId);
  }

  @Patch(':meetingId')
  @Operation({
    summary: 'Move or change a meeting (owners); requires If-Match',
    description: 'Those attending or waiting are told when it moves; more seats move the waiting list up.',
    problems: [400, 403, 404, 409, 412, 422, 428],
  })
  async update(
    @CurrentActor() actor: Actor,
    @Param() { id, meetingId }: MeetingPath,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateMeetingDto,
  ) {
    return this.meetings.update(actor, id, meetingId, expectedVersion, dto);
  }

  @Post(':meetingId/cancel')
  @HttpCode(200)
  @Operation({
    summary: 'Cancel a meeting (owners); those attending or waiting are told',
    problems: [400, 403, 404],
  })
  cancel(@CurrentActor() actor: Actor, @Param() { id, meetingId }: MeetingPath) {
    return this.meetings.cancel(actor, id, meetingId);
  }

  @Post(':meetingId/rsvp')
  @HttpCode(200)
  @Operation({
    summary: 'Say whether you come (members of invited organisations)',
    description:
      'Up to capacity you are attending, then on the waiting list; when a seat frees the first waiting moves up and is notified.',
    problems: [400, 403, 404, 409],
  })
  rsvp(@CurrentActor() actor: Actor, @Param() { id, meetingId }: MeetingPath, @Body() dto: RsvpDto) {
    return this.meetings.rsvp(actor, id, meetingId, dto);
  }

  @Put(':meetingId/attendance')
  @Operation({ summary: 'Record who came (owners)', problems: [400, 403, 404, 409] })
  attendance(
    @CurrentActor() actor: Actor,
    @Param() { id, meetingId }: MeetingPath,
    @Body() dto: RecordAttendanceDto,
  ) {
    return this.meetings.recordAttendance(actor, id, meetingId, dto);
  }

  @Get(':meetingId/calendar.ics')
  @Operation({ summary: 'The meeting as an iCalendar file', problems: [400, 404] })
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  async calendar(
    @CurrentActor() actor: Actor,
    @Param() { id, meetingId }: MeetingPath,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { filename, body } = await this.meetings.calendar(actor, id, meetingId);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
