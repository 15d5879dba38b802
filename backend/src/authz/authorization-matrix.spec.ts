import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderAuthorizationMatrix } from './authorization-matrix';
import { MODULE_POLICIES } from './policy-registry';

describe('docs/authorization-matrix.md', () => {
  it('is exactly what the policy files say (run `npm run docs:matrix` after changing a policy)', () => {
    const documented = readFileSync(join(__dirname, '../../../docs/authorization-matrix.md'), 'utf8');
    expect(documented).toBe(renderAuthorizationMatrix(MODULE_POLICIES));
  });

  it('shows that admin sees no client content and a coach only the own caseload', () => {
    const matrix = renderAuthorizationMatrix(MODULE_POLICIES);
    const clients = matrix.slice(matrix.indexOf('## Module `clients`'));
    expect(clients).toMatch(/\| Functioneel beheer \(`admin`\) \| — \|/);
    expect(clients).toContain(
      '| Trajectbegeleider (`coach`) | read Client [identity, contact] (coachId = de gebruiker zelf) |',
    );
  });
});
