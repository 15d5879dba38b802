import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { DisclosuresModule } from '../disclosures/disclosures.module';
import { ProgressReport } from './progress-report.entity';
import { ReportComposer } from './report-composer.service';
import { ReportExportsService } from './report-exports.service';
import { ReportExportsController, ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [ClientsModule, DisclosuresModule, TypeOrmModule.forFeature([ProgressReport])],
  controllers: [ReportsController, ReportExportsController],
  providers: [ReportComposer, ReportsService, ReportExportsService],
})
export class ReportsModule {}
