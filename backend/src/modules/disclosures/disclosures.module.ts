import { Module } from '@nestjs/common';

import { ClientsModule } from '../clients/clients.module';
import { ConsentsModule } from '../consents/consents.module';

@Module({ imports: [ClientsModule, ConsentsModule] })
export class DisclosuresModule {}
