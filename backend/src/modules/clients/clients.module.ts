import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { Consent } from '../consents/consent.entity';
import { ConsentCheck } from '../consents/consent-check.service';
import { Client } from './client.entity';
import { ClientAccess } from './client-access.service';
import { ClientAssignmentService } from './client-assignment.service';
import { ClientFileService } from './client-file.service';
import { ClientSearchService } from './client-search.service';
import { ClientsController } from './clients.controller';
import { ClientsService } from './clients.service';
import { FieldChangeRecord } from './field-change.entity';
import { FieldChangeRecorder } from './field-change.recorder';

@Module({
  // ConsentCheck is provided here as well as in ConsentsModule: ConsentsModule imports this module
  // (for ClientAccess), so importing ConsentsModule back would be a cycle needing forwardRef. The
  // check is stateless and its one query lives in consent-check.service.ts, so R-CONS-05 in the
  // client update uses the same definition of "valid" as every other consent-gated action.
  imports: [TypeOrmModule.forFeature([Client, FieldChangeRecord, Consent])],
  controllers: [ClientsController],
  providers: [
    ClientsService,
    ClientSearchService,
    ClientAssignmentService,
    ClientFileService,
    ClientAccess,
    FieldChangeRecorder,
    ConsentCheck,
  ],
  exports: [ClientAccess, FieldChangeRecorder],
})
export class ClientsModule {}
