import { Module } from '@nestjs/common';
import { AuthModule } from '@tandem/auth';
import { NotificationsModule } from '@tandem/notifications';
import { AdminController } from './admin.controller';
import { QueueDashboardAuth } from './queue-dashboard.auth';

/** HTTP routes of platform administration: dead letters and the queue dashboard's session. */
@Module({
  imports: [AuthModule, NotificationsModule],
  controllers: [AdminController],
  providers: [QueueDashboardAuth],
})
export class AdminApiModule {}
