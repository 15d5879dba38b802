import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { ConsentCheck } from './consent-check.service';
import { Consent } from './consent.entity';

@Module({
  imports: [ClientsModule, TypeOrmModule.forFeature([Consent])],
  providers: [ConsentCheck],
  exports: [ConsentCheck],
})
export class ConsentsModule {}
