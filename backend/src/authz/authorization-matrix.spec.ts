import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderAuthorizationMatrix } from './authorization-matrix';
import { MODULE_POLICIES } from './policy-registry';

describe('docs/authorization-matrix.md', () => {
  it('is exactly what the policy files say (run `npm run docs:matrix` after changing a policy)', () => {
    const documented = readFileSync(join(__dirname, '../../../docs/authorization-matrix.md'), 'utf8');
    expect(documented).toBe(renderAuthorizationMatrix(MODULE_POLICIES));
  });

  it('shows that admin sees only identity, a coach only the own caseload and nobody medical data', () => {
    const matrix = renderAuthorizationMatrix(MODULE_POLICIES);
    const clients = matrix.slice(matrix.indexOf('## Module `clients`'), matrix.indexOf('## Module `audit`'));
    expect(clients).toContain(
      '| Functioneel beheer (`admin`) | read Client [identity] (alle records)<br>assign Client',
    );
    expect(clients).toMatch(
      /\| Trajectbegeleider \(`coach`\) \| read Client \[identity, [^\]]*\] \(coachId = de gebruiker zelf\)/,
    );
    expect(clients).not.toContain('medical');
  });
});
