import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

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
  imports: [TypeOrmModule.forFeature([Client, FieldChangeRecord])],
  controllers: [ClientsController],
  providers: [
    ClientsService,
    ClientSearchService,
    ClientAssignmentService,
    ClientFileService,
    ClientAccess,
    FieldChangeRecorder,
  ],
  exports: [ClientAccess, FieldChangeRecorder],
})
export class ClientsModule {}
