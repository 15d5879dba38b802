import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { AbsenceEpisode } from './absence-episode.entity';
import { Employment } from './employment.entity';
import { HoursRecord } from './hours-record.entity';
import { LksApplication } from './lks-application.entity';
import { LoonwaardeAssessment } from './loonwaarde-assessment.entity';
import { PayrollController } from './payroll.controller';
import { PayrollService } from './payroll.service';

@Module({
  imports: [
    ClientsModule,
    TypeOrmModule.forFeature([Employment, HoursRecord, AbsenceEpisode, LoonwaardeAssessment, LksApplication]),
  ],
  controllers: [PayrollController],
  providers: [PayrollService],
})
export class PayrollModule {}
