import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { DocumentContent, StoredDocument } from './document.entity';
import { DossierEntry } from './dossier-entry.entity';

@Module({
  imports: [ClientsModule, TypeOrmModule.forFeature([DossierEntry, StoredDocument, DocumentContent])],
})
export class DossierModule {}
