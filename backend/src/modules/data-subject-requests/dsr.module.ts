import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { ConsentsModule } from '../consents/consents.module';
import { DestructionModule } from '../destruction/destruction.module';
import { DsrController } from './dsr.controller';
import { DsrRequest } from './dsr-request.entity';
import { DsrErasureService } from './dsr-erasure.service';
import { DsrExportService } from './dsr-export.service';
import { DsrLetterService } from './dsr-letter.service';
import { DsrService } from './dsr.service';

@Module({
  imports: [ClientsModule, ConsentsModule, DestructionModule, TypeOrmModule.forFeature([DsrRequest])],
  controllers: [DsrController],
  providers: [DsrService, DsrExportService, DsrErasureService, DsrLetterService],
})
export class DataSubjectRequestsModule {}
