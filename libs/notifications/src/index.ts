export * from './entities/email-delivery.entity';
export * from './entities/notification.entity';
export * from './mail.service';
export * from './notifications.module';
export * from './templates/layout';
export * from './templates/invitation.template';
