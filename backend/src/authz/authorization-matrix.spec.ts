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
    const start = matrix.indexOf('## Module `clients`');
    const clients = matrix.slice(start, matrix.indexOf('## Module', start + 1));
    expect(clients).toContain(
      '| Functioneel beheer (`admin`) | read Client [identity] (alle records)<br>assign Client',
    );
    expect(clients).toMatch(
      /\| Trajectbegeleider \(`coach`\) \| read Client \[identity, [^\]]*\] \(coachId = de gebruiker zelf\)/,
    );
    expect(clients).not.toContain('medical');
  });

  it('R-MED-01: shows that only the Expertisecentrum has any right on medical records', () => {
    const matrix = renderAuthorizationMatrix(MODULE_POLICIES);
    const start = matrix.indexOf('## Module `medical`');
    expect(start).toBeGreaterThan(-1);
    const rows = matrix
      .slice(start, matrix.indexOf('## Module', start + 1))
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| rol'));
    const granted = rows.filter((line) => !line.endsWith('| — |'));
    expect(granted.map((line) => line.split('|')[1].trim())).toEqual(['Expertisecentrum (`expertise`)']);
  });
});
