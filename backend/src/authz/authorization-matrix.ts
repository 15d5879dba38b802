import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { ROLE_LABELS, ROLES, type Role } from '@werkpad/shared';

import { type AppAbility, type AuthenticatedUser, type ModulePolicy } from './policy.types';

const SELF = '«eigen gebruiker»';

function describeValue(value: unknown): string {
  return value === SELF ? 'de gebruiker zelf' : JSON.stringify(value);
}

function describeConditions(conditions: unknown): string {
  if (!conditions || typeof conditions !== 'object') return 'alle records';
  return Object.entries(conditions as Record<string, unknown>)
    .map(([field, value]) => {
      const all = (value as { $all?: unknown[] } | null)?.$all;
      // `$all` on an array column: the list contains these values (sql-scope.ts).
      if (Array.isArray(all)) return `${field} bevat ${all.map(describeValue).join(' en ')}`;
      return `${field} = ${describeValue(value)}`;
    })
    .join(' en ');
}

function rulesFor(policy: ModulePolicy, role: Role): string[] {
  const define = policy.byRole[role];
  if (!define) return [];
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const user: AuthenticatedUser = {
    id: SELF,
    username: SELF,
    displayName: SELF,
    roles: [role],
    sessionId: SELF,
  };
  define({ user, can: builder.can, cannot: builder.cannot });
  return builder.rules.map((rule) => {
    const actions = ([] as string[]).concat(rule.action).join(', ');
    const subjects = ([] as string[]).concat(rule.subject as string | string[]).join(', ');
    const categories = rule.fields ? ` [${([] as string[]).concat(rule.fields).join(', ')}]` : '';
    return `${rule.inverted ? 'niet ' : ''}${actions} ${subjects}${categories} (${describeConditions(rule.conditions)})`;
  });
}

/**
 * The authorization matrix as Markdown, generated from the policy files themselves so that the
 * document cannot drift from the code (a test compares it with docs/authorization-matrix.md).
 */
export function renderAuthorizationMatrix(policies: readonly ModulePolicy[]): string {
  const lines = [
    '# Autorisatiematrix',
    '',
    '<!-- Gegenereerd uit backend/src/**/*.policy.ts met `npm run docs:matrix`; niet met de hand wijzigen. -->',
    '',
    'Wat elke rol per module mag. Een rol die niet genoemd wordt, mag niets met de gegevens van die module',
    '(deny by default). Voorwaarden worden zowel bij een enkel record als in SQL bij lijsten toegepast.',
    'Tussen [ ] staan de gegevenscategorieën die de rol ziet; zonder [ ] alle categorieën behalve medisch.',
    'Welke route welk beleid vraagt, staat in de snapshot `backend/src/authz/__snapshots__/authorization.int.spec.ts.snap`.',
    'Trajecten, dossierstukken, documenten en loongegevens hangen aan een cliënt: ze zijn alleen te zien bij',
    'een cliënt die de rol ziet, en alleen in de categorieën die de rol van die cliënt ziet (`Document`',
    'bepaalt daarnaast of de rol documenten überhaupt mag openen of toevoegen). De volledige tabel',
    'rol × route × relatie staat in `backend/test/access-table.ts` en wordt als test uitgevoerd.',
    '',
  ];
  for (const policy of policies) {
    lines.push(
      `## Module \`${policy.module}\` (${policy.subjects.join(', ')})`,
      '',
      '| rol | mag |',
      '|---|---|',
    );
    for (const role of ROLES) {
      const rules = rulesFor(policy, role);
      lines.push(`| ${ROLE_LABELS[role]} (\`${role}\`) | ${rules.length ? rules.join('<br>') : '—'} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
