import { auditPolicy } from '../audit/audit.policy';
import { breachesPolicy } from '../modules/breaches/breaches.policy';
import { processingRegisterPolicy } from '../modules/processing-register/processing-register.policy';
import { clientsPolicy } from '../modules/clients/clients.policy';
import { consentsPolicy } from '../modules/consents/consents.policy';
import { disclosuresPolicy } from '../modules/disclosures/disclosures.policy';
import { emergencyAccessPolicy } from '../modules/emergency-access/emergency-access.policy';
import { expertisePolicy } from '../modules/expertise/expertise.policy';
import { medicalPolicy } from '../modules/medical/medical.policy';
import { reportsPolicy } from '../modules/reports/reports.policy';
import { dataSubjectRequestsPolicy } from '../modules/data-subject-requests/dsr.policy';
import { retentionPolicy } from '../modules/retention/retention.policy';
import { usersPolicy } from '../modules/users/users.policy';
import { type ModulePolicy } from './policy.types';

/**
 * Every module's policy file. Together they are the authorization matrix
 * (docs/authorization-matrix.md is generated from this list and checked by a test).
 */
export const MODULE_POLICIES: readonly ModulePolicy[] = [
  usersPolicy,
  clientsPolicy,
  consentsPolicy,
  disclosuresPolicy,
  expertisePolicy,
  medicalPolicy,
  auditPolicy,
  breachesPolicy,
  processingRegisterPolicy,
  emergencyAccessPolicy,
  retentionPolicy,
  reportsPolicy,
  dataSubjectRequestsPolicy,
];
