import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { ConsentsModule } from '../consents/consents.module';
import { DiagnosisOutcome } from '../expertise/diagnosis-outcome.entity';
import { FunctionalCapability } from '../expertise/functional-capability.entity';
import { Disclosure } from './disclosure.entity';
import { DisclosureRegisterController, DisclosuresController } from './disclosures.controller';
import { DisclosureRegisterService } from './disclosure-register.service';
import { DisclosuresService } from './disclosures.service';

@Module({
  imports: [
    ClientsModule,
    ConsentsModule,
    TypeOrmModule.forFeature([Disclosure, DiagnosisOutcome, FunctionalCapability]),
  ],
  controllers: [DisclosuresController, DisclosureRegisterController],
  providers: [DisclosuresService, DisclosureRegisterService],
  exports: [DisclosuresService],
})
export class DisclosuresModule {}
