import { ACTIONS, ROLES, type Role } from '@werkpad/shared';

import { buildAbility } from '../../authz/ability.factory';

const userWith = (role: Role) => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: role,
  displayName: role,
  roles: [role],
  sessionId: 'session',
});

describe('medical policy', () => {
  it('R-MED-01: of all module policies together, only expertise may do anything with MedicalRecord', () => {
    for (const role of ROLES) {
      const ability = buildAbility(userWith(role));
      const allowed = ACTIONS.filter((action) => ability.can(action, 'MedicalRecord'));
      expect({ role, allowed }).toEqual({
        role,
        allowed: role === 'expertise' ? ['read', 'create', 'update'] : [],
      });
    }
  });
});
