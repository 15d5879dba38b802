import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoriesService } from './trajectories.service';
import { Trajectory } from './trajectory.entity';

@Module({
  imports: [ClientsModule, TypeOrmModule.forFeature([Trajectory])],
  controllers: [TrajectoriesController],
  providers: [TrajectoriesService],
})
export class TrajectoriesModule {}
