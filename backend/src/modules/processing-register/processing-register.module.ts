import { Module } from '@nestjs/common';

import { RetentionModule } from '../retention/retention.module';
import { ProcessingRegisterController } from './processing-register.controller';

@Module({ imports: [RetentionModule], controllers: [ProcessingRegisterController] })
export class ProcessingRegisterModule {}
