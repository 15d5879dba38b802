import { type EntityManager } from 'typeorm';

import { DiagnosisOutcome } from './diagnosis-outcome.entity';
import { FunctionalCapability } from './functional-capability.entity';

/**
 * What may leave the Expertisecentrum, as other modules (disclosures) read it: only a finalised
 * outcome (R-MED-03) and the latest functional capabilities (R-MED-05). Never a draft, never research.
 */
export function finalOutcomeOf(
  manager: EntityManager,
  trajectoryId: string,
): Promise<DiagnosisOutcome | null> {
  return manager.getRepository(DiagnosisOutcome).findOneBy({ trajectoryId, status: 'final' });
}

/** The most recent assessment: latest assessment date, then the latest recorded. */
export function latestCapabilityOf(
  manager: EntityManager,
  clientId: string,
): Promise<FunctionalCapability | null> {
  return manager.getRepository(FunctionalCapability).findOne({
    where: { clientId },
    order: { assessedOn: 'DESC', recordedAt: 'DESC', id: 'DESC' },
  });
}
