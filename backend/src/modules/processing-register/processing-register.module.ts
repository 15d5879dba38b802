import { Module } from '@nestjs/common';

import { ProcessingRegisterController } from './processing-register.controller';

@Module({ controllers: [ProcessingRegisterController] })
export class ProcessingRegisterModule {}
