import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { EmergencyAccessController } from './emergency-access.controller';
import { EmergencyAccessRecord } from './emergency-access.entity';
import { EmergencyAccessService } from './emergency-access.service';

@Module({
  imports: [ClientsModule, TypeOrmModule.forFeature([EmergencyAccessRecord])],
  controllers: [EmergencyAccessController],
  providers: [EmergencyAccessService],
})
export class EmergencyAccessModule {}
