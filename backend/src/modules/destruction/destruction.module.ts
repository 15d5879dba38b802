import { Module } from '@nestjs/common';

import { DestructionRunner } from './destruction-runner.service';
import { DestructionController } from './destruction.controller';
import { DestructionService } from './destruction.service';

/** R-RET-04/05: destruction lists and their execution (the medical part through the global port). */
@Module({
  controllers: [DestructionController],
  providers: [DestructionService, DestructionRunner],
  exports: [DestructionService, DestructionRunner],
})
export class DestructionModule {}
