import { DomainError, FieldError } from '@tandem/core';

export enum NotificationsErrorCode {
  WebhookDestinationNotAllowed = 'WEBHOOK_DESTINATION_NOT_ALLOWED',
}

export class NotificationsError extends DomainError<NotificationsErrorCode> {
  constructor(code: NotificationsErrorCode, message: string, errors?: FieldError[]) {
    super(code, message, errors);
  }
}
