import { DATA_CATEGORIES, ROLES } from '@werkpad/shared';

import { asSubject, buildAbility } from '../../authz/ability.factory';
import { visibleCategories } from '../../authz/category-projection';

const USER_ID = 'u-1';

/** Every combination of the client columns the policies look at, from the user's point of view. */
const CLIENT_STATES = [true, false].flatMap((ownCaseload) =>
  [true, false].flatMap((linked) =>
    [true, false].flatMap((inIntake) =>
      [true, false].map((payrollScope) => ({
        coachId: ownCaseload ? USER_ID : 'someone-else',
        incomeConsultantId: linked ? USER_ID : 'someone-else',
        inIntake,
        payrollScope,
      })),
    ),
  ),
);

describe('why can I see this (access grounds)', () => {
  it.each(ROLES)('explains every category a %s can see of any client with a named rule', (role) => {
    const ability = buildAbility({
      id: USER_ID,
      username: 'u',
      displayName: 'U',
      roles: [role],
      sessionId: 's',
    });
    for (const client of CLIENT_STATES) {
      const subject = asSubject('Client', client);
      for (const category of visibleCategories(ability, 'read', 'Client', client)) {
        const reasons = ability
          .rulesFor('read', 'Client', category)
          .filter((rule) => !rule.inverted && rule.matchesConditions(subject))
          .map((rule) => rule.reason);
        expect({
          role,
          client,
          category,
          explained: reasons.some((reason) => (reason ?? '').length > 10),
        }).toEqual({
          role,
          client,
          category,
          explained: true,
        });
      }
    }
  });

  it('gives the income consultant the intake categories only with the intake rule as their ground', () => {
    const ability = buildAbility({
      id: USER_ID,
      username: 'u',
      displayName: 'U',
      roles: ['income_consultant'],
      sessionId: 's',
    });
    const client = asSubject('Client', {
      incomeConsultantId: USER_ID,
      inIntake: true,
      coachId: null,
      payrollScope: false,
    });
    const reasons = ability
      .rulesFor('read', 'Client', 'financial')
      .filter((rule) => rule.matchesConditions(client))
      .map((rule) => rule.reason);
    expect(reasons).toEqual([expect.stringContaining('lopende intake')]);
    expect(DATA_CATEGORIES).toContain('financial');
  });
});
