import { Global, Module } from '@nestjs/common';

import { MedicalAccessPort } from '../../common/medical-access.port';
import { MedicalDestructionPort } from '../../common/medical-destruction.port';
import { AppConfig } from '../../config/app-config';
import { ConsentsModule } from '../consents/consents.module';
import { CareProviderRequestsService } from './care-provider-requests.service';
import { MedicalCrypto } from './medical-crypto';
import { MedicalAccess } from './medical-access.service';
import { MedicalDatabase } from './medical-database';
import { MedicalDestruction } from './medical-destruction.service';
import { MedicalRecordsService } from './medical-records.service';
import { MedicalController } from './medical.controller';

/**
 * The Expertisecentrum's medical data (R-MED-01, R-MED-04, R-MED-06). Its database connection (the
 * only login with rights on schema `medical`) and its key ring stay private to this module, and an
 * architecture test (medical-isolation.spec.ts) keeps every other module from even importing from
 * this folder. It exports two ports, globally, by tokens defined outside it: the destruction port
 * (R-RET-04), which can destroy only what an approved destruction item covers and reads nothing, and
 * the access port (R-DSR-04), which gives the client's own records only for an open, verified
 * access request (the database function checks that, not the caller).
 */
@Global()
@Module({
  imports: [ConsentsModule],
  controllers: [MedicalController],
  providers: [
    MedicalDatabase,
    {
      provide: MedicalCrypto,
      useFactory: (config: AppConfig) => new MedicalCrypto(config.medicalEncryptionKeys),
      inject: [AppConfig],
    },
    MedicalRecordsService,
    CareProviderRequestsService,
    { provide: MedicalDestructionPort, useClass: MedicalDestruction },
    { provide: MedicalAccessPort, useClass: MedicalAccess },
  ],
  exports: [MedicalDestructionPort, MedicalAccessPort],
})
export class MedicalModule {}
