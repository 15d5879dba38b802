import { Module } from '@nestjs/common';

import { BreachesModule } from '../breaches/breaches.module';
import { FindingsModule } from '../findings/findings.module';
import { RetentionModule } from '../retention/retention.module';
import { FgDashboardController } from './fg-dashboard.controller';
import { FgDashboardService } from './fg-dashboard.service';

@Module({
  imports: [BreachesModule, FindingsModule, RetentionModule],
  controllers: [FgDashboardController],
  providers: [FgDashboardService],
})
export class FgDashboardModule {}
