import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { ConsentCheck } from './consent-check.service';
import { Consent } from './consent.entity';
import { ConsentRegisterController, ConsentsController } from './consents.controller';
import { ConsentsService } from './consents.service';
import { WhatsappContactsService } from './whatsapp-contacts.service';

@Module({
  imports: [ClientsModule, TypeOrmModule.forFeature([Consent])],
  controllers: [ConsentsController, ConsentRegisterController],
  providers: [ConsentCheck, ConsentsService, WhatsappContactsService],
  exports: [ConsentCheck, ConsentsService],
})
export class ConsentsModule {}
