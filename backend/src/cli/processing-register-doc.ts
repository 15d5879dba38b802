import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildProcessingRegister } from '../modules/processing-register/processing-register';
import { renderProcessingRegister } from '../modules/processing-register/processing-register-doc';
import { defaultProcessingRules } from '../modules/processing-register/processing-rules';

/** `npm run docs:register`: regenerates docs/processing-register.md from the rule data. */
const target = join(process.cwd(), 'docs', 'processing-register.md');
writeFileSync(
  target,
  renderProcessingRegister(buildProcessingRegister(defaultProcessingRules(), new Date())),
);
console.log(`Geschreven: ${target}`);
