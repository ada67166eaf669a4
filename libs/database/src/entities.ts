import { AuditEvent } from '@tandem/audit';
import { Invitation, Membership, RefreshToken, Session, User } from '@tandem/auth';
import { OutboxEvent } from '@tandem/core';
import { EmailDelivery } from '@tandem/notifications';
import {
  CivilSocietyProfile,
  EmployerProfile,
  GovernmentProfile,
  MigrantAssociationProfile,
  Organization,
} from '@tandem/stakeholders';

/** Every entity of every domain: the one list the app, the worker and the migration CLI share. */
export const ENTITIES = [
  OutboxEvent,
  AuditEvent,
  User,
  Session,
  RefreshToken,
  Membership,
  Invitation,
  Organization,
  GovernmentProfile,
  EmployerProfile,
  CivilSocietyProfile,
  MigrantAssociationProfile,
  EmailDelivery,
];
