import { type ModulePolicy } from '../../authz/policy.types';

/**
 * AVG art. 30: the FG keeps watch over the processing register and management answers for it as the
 * controller's representative, so both may read it (it holds rule data, no personal data). Nobody
 * edits it: it is generated from the rules the code enforces.
 */
export const processingRegisterPolicy: ModulePolicy = {
  module: 'processing-register',
  subjects: ['ProcessingRegister'],
  byRole: {
    dpo: ({ can }) => can('read', 'ProcessingRegister'),
    management: ({ can }) => can('read', 'ProcessingRegister'),
  },
};
