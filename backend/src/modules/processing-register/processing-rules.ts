import {
  CONSENT_PURPOSE_RULES,
  SHARING_RULES,
  SHARING_RULES_VERSION,
  TRAJECTORY_TYPE_RULES,
} from '@werkpad/shared';

import {
  CLIENT_FILE_CONSENT_PURPOSES,
  PROCESSING_ACTIVITY_RULES,
  PROCESSING_CONTROLLER,
  SECURITY_MEASURES,
} from './processing-activities';
import { clientFileCategories, type ProcessingRules } from './processing-register';

/** The rules in force: what the service, the PDF and docs/processing-register.md are generated from. */
export function defaultProcessingRules(): ProcessingRules {
  return {
    controller: PROCESSING_CONTROLLER,
    trajectoryTypes: TRAJECTORY_TYPE_RULES,
    sharingRules: SHARING_RULES,
    sharingRulesVersion: SHARING_RULES_VERSION,
    consentPurposes: CONSENT_PURPOSE_RULES,
    clientFileCategories: clientFileCategories(),
    clientFileConsentPurposes: CLIENT_FILE_CONSENT_PURPOSES,
    activities: PROCESSING_ACTIVITY_RULES,
    securityMeasures: SECURITY_MEASURES,
  };
}
