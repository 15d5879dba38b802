import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SHARING_RULES, SHARING_RULES_VERSION, type SharingRule } from '@werkpad/shared';

import { ARTICLE_PENDING, renderSharingRules } from './sharing-rules-doc';

describe('docs/sharing-rules.md', () => {
  it('is exactly what the sharing rules say (run `npm run docs:sharing` after changing a rule)', () => {
    const documented = readFileSync(join(__dirname, '../../../../docs/sharing-rules.md'), 'utf8');
    expect(documented).toBe(renderSharingRules(SHARING_RULES, SHARING_RULES_VERSION));
  });

  it('R-SHARE-01: names every rule with its version, and says when the article is still to be confirmed', () => {
    const doc = renderSharingRules(SHARING_RULES, SHARING_RULES_VERSION);
    expect(doc).toContain(`Versie van de deelregels: **${SHARING_RULES_VERSION}**`);
    for (const rule of SHARING_RULES) expect(doc).toContain(`\`${rule.id}\``);
    expect(doc).toContain('Wet op de loonbelasting 1964 (loonaangifte), art. 28');
    expect(doc).toContain(`Participatiewet, ${ARTICLE_PENDING}`);
  });

  it('changes when a rule changes (a changed rule is a changed document)', () => {
    const changed: SharingRule[] = SHARING_RULES.map((rule) =>
      rule.id === 'uwv' ? { ...rule, allowedCategories: ['identity'] } : rule,
    );
    expect(renderSharingRules(changed, SHARING_RULES_VERSION)).not.toBe(
      renderSharingRules(SHARING_RULES, SHARING_RULES_VERSION),
    );
  });
});
