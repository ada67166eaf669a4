import { Actor } from '@tandem/core';
import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import {
  CreateMeetingDto,
  MeetingsService,
  RecordAttendanceDto,
  RsvpDto,
  UpdateMeetingDto,
} from '@tandem/consultations';
import { Response } from 'express';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblems, Authenticated } from '../http/api-problems.decorator';
import { IfMatchVersion } from '../http/etag';
import { Idempotent } from '../http/idempotency.interceptor';
import { uuidParam } from '../http/validation.pipe';

@ApiTags('consultations')
@Authenticated()
@Controller('consultations/:id/meetings')
export class ConsultationMeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary: 'Schedule a meeting (owners)',
    description: 'in_person needs a location, online an onlineUrl, hybrid both; capacity optional.',
  })
  @ApiProblems(400, 403, 404, 409, 422)
  async create(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CreateMeetingDto,
  ) {
    return this.meetings.create(actor, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Meetings of the consultation, soonest first, with seats and your RSVP' })
  @ApiProblems(400, 404)
  list(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string) {
    return this.meetings.list(actor, id);
  }

  @Get(':meetingId')
  @ApiOperation({ summary: 'A meeting (owners also see who answered and who came)' })
  @ApiProblems(400, 404)
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('meetingId', uuidParam('meetingId')) meetingId: string,
  ) {
    return this.meetings.get(actor, id, meetingId);
  }

  @Patch(':meetingId')
  @ApiOperation({
    summary: 'Move or change a meeting (owners); requires If-Match',
    description: 'Those attending or waiting are told when it moves; more seats move the waiting list up.',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: 'ETag of the version you read' })
  @ApiProblems(400, 403, 404, 409, 412, 422, 428)
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('meetingId', uuidParam('meetingId')) meetingId: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() dto: UpdateMeetingDto,
  ) {
    return this.meetings.update(actor, id, meetingId, expectedVersion, dto);
  }

  @Post(':meetingId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a meeting (owners); those attending or waiting are told' })
  @ApiProblems(400, 403, 404)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('meetingId', uuidParam('meetingId')) meetingId: string,
  ) {
    return this.meetings.cancel(actor, id, meetingId);
  }

  @Post(':meetingId/rsvp')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Say whether you come (members of invited organisations)',
    description:
      'Up to capacity you are attending, then on the waiting list; when a seat frees the first waiting moves up and is notified.',
  })
  @ApiProblems(400, 403, 404, 409)
  rsvp(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('meetingId', uuidParam('meetingId')) meetingId: string,
    @Body() dto: RsvpDto,
  ) {
    return this.meetings.rsvp(actor, id, meetingId, dto);
  }

  @Put(':meetingId/attendance')
  @ApiOperation({ summary: 'Record who came (owners)' })
  @ApiProblems(400, 403, 404, 409)
  attendance(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('meetingId', uuidParam('meetingId')) meetingId: string,
    @Body() dto: RecordAttendanceDto,
  ) {
    return this.meetings.recordAttendance(actor, id, meetingId, dto);
  }

  @Get(':meetingId/calendar.ics')
  @ApiOperation({ summary: 'The meeting as an iCalendar file' })
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProblems(400, 404)
  async calendar(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('meetingId', uuidParam('meetingId')) meetingId: string,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { filename, body } = await this.meetings.calendar(actor, id, meetingId);
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    return body;
  }
}
