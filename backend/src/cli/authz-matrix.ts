import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderAuthorizationMatrix } from '../authz/authorization-matrix';
import { MODULE_POLICIES } from '../authz/policy-registry';

/** `npm run docs:matrix`: regenerates docs/authorization-matrix.md from the policy files. */
const target = join(process.cwd(), 'docs', 'authorization-matrix.md');
writeFileSync(target, renderAuthorizationMatrix(MODULE_POLICIES));
console.log(`Geschreven: ${target}`);
