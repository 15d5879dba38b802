import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { ClientsModule } from '../clients/clients.module';
import { ConsentsModule } from '../consents/consents.module';
import { Trajectory } from '../trajectories/trajectory.entity';
import { DiagnosisOutcomeController } from './diagnosis-outcome.controller';
import { DiagnosisOutcome } from './diagnosis-outcome.entity';
import { DiagnosisOutcomeService } from './diagnosis-outcome.service';
import { ExpertiseAssignmentController, ExpertiseWorkspaceController } from './expertise.controller';
import { ExpertiseWorkspaceService } from './expertise-workspace.service';
import { FunctionalCapabilitiesController } from './functional-capabilities.controller';
import { FunctionalCapabilitiesService } from './functional-capabilities.service';
import { FunctionalCapability } from './functional-capability.entity';

/**
 * The Expertisecentrum outside the medical records (issue 5): workspace, assignment, the outcome
 * (R-MED-02, R-MED-03) and functional capabilities (R-MED-05). Runs on the main connection; the
 * medical records are the medical module's, on a connection of their own.
 */
@Module({
  imports: [
    ClientsModule,
    ConsentsModule,
    TypeOrmModule.forFeature([Trajectory, DiagnosisOutcome, FunctionalCapability]),
  ],
  controllers: [
    ExpertiseWorkspaceController,
    ExpertiseAssignmentController,
    DiagnosisOutcomeController,
    FunctionalCapabilitiesController,
  ],
  providers: [ExpertiseWorkspaceService, DiagnosisOutcomeService, FunctionalCapabilitiesService],
})
export class ExpertiseModule {}
