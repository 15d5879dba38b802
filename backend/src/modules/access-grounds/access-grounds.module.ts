import { Module } from '@nestjs/common';

import { ClientsModule } from '../clients/clients.module';
import { AccessGroundsController } from './access-grounds.controller';
import { AccessGroundsService } from './access-grounds.service';

@Module({
  imports: [ClientsModule],
  controllers: [AccessGroundsController],
  providers: [AccessGroundsService],
})
export class AccessGroundsModule {}
