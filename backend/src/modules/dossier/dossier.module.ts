import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { DocumentContent, StoredDocument } from './document.entity';
import { DocumentUploadInterceptor } from './document-upload.interceptor';
import { DocumentsService } from './documents.service';
import { DossierController } from './dossier.controller';
import { DossierEntry } from './dossier-entry.entity';
import { DossierService } from './dossier.service';

@Module({
  imports: [ClientsModule, TypeOrmModule.forFeature([DossierEntry, StoredDocument, DocumentContent])],
  controllers: [DossierController],
  providers: [DossierService, DocumentsService, DocumentUploadInterceptor],
})
export class DossierModule {}
