import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SHARING_RULES, SHARING_RULES_VERSION } from '@werkpad/shared';

import { renderSharingRules } from '../modules/disclosures/sharing-rules-doc';

/** `npm run docs:sharing`: regenerates docs/sharing-rules.md from the sharing rules (rule data). */
const target = join(process.cwd(), 'docs', 'sharing-rules.md');
writeFileSync(target, renderSharingRules(SHARING_RULES, SHARING_RULES_VERSION));
console.log(`Geschreven: ${target}`);
