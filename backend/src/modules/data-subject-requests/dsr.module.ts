import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { ConsentsModule } from '../consents/consents.module';
import { DsrController } from './dsr.controller';
import { DsrRequest } from './dsr-request.entity';
import { DsrExportService } from './dsr-export.service';
import { DsrService } from './dsr.service';

@Module({
  imports: [ClientsModule, ConsentsModule, TypeOrmModule.forFeature([DsrRequest])],
  controllers: [DsrController],
  providers: [DsrService, DsrExportService],
})
export class DataSubjectRequestsModule {}
