import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { Trajectory } from './trajectory.entity';

@Module({ imports: [ClientsModule, TypeOrmModule.forFeature([Trajectory])] })
export class TrajectoriesModule {}
