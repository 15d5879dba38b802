import {
  CONSENT_PURPOSE_RULES,
  DATA_CATEGORY_LABELS,
  EEA_COUNTRIES,
  FULL_BSN_RECIPIENT_TYPES,
  IBAN_RECIPIENT_TYPES,
  ROLE_LABELS,
  type SharingRule,
  TRAJECTORY_TYPE_RULES,
} from '@werkpad/shared';

export const ARTICLE_PENDING = 'artikel nog te bevestigen door FG/jurist';

/** Table cells may not break the row: pipes are escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function ground(rule: SharingRule): string {
  if (!rule.legalBasis) return '—';
  return `${rule.legalBasis.law}, ${rule.legalBasis.article ?? ARTICLE_PENDING}`;
}

function recipientLabels(types: readonly string[], rules: readonly SharingRule[]): string {
  return types
    .map((type) => rules.find((rule) => rule.recipientType === type)?.recipientLabel ?? type)
    .join(', ');
}

/**
 * docs/sharing-rules.md, generated from the rule data itself (SHARING_RULES) so that the document
 * cannot drift from what the backend enforces; a unit test compares the two.
 */
export function renderSharingRules(rules: readonly SharingRule[], version: string): string {
  const lines = [
    '# Deelregels: wie krijgt welke gegevens, op welke grond',
    '',
    '<!-- Gegenereerd uit shared/src/lib/sharing-rules.ts met `npm run docs:sharing`; niet met de hand wijzigen. -->',
    '',
    `Versie van de deelregels: **${version}**.`,
    '',
    'Elke verstrekking wordt per gegevenscategorie beslist uit deze regels (R-SHARE-01) en vastgelegd in het',
    'verstrekkingenregister: wie, aan wie, welke categorieën en velden, op welke grondslag of toestemming,',
    'voor welk traject, wanneer, en een digest (SHA-256) van wat is verstuurd. Een verstrekking noemt altijd',
    'de categorieën; nooit een heel dossier (R-SHARE-02). Medische gegevens worden nooit verstrekt (R-MED-01).',
    'Een categorie die de medewerker zelf niet mag inzien, kan hij ook niet verstrekken.',
    '',
    '| ontvanger | categorieën | trajecten | grondslag | toestemming | wie verstrekt | regel |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const rule of rules) {
    lines.push(
      `| ${[
        `${rule.recipientLabel} (\`${rule.recipientType}\`)`,
        rule.allowedCategories.map((category) => DATA_CATEGORY_LABELS[category]).join(', '),
        rule.trajectoryTypes.map((type) => TRAJECTORY_TYPE_RULES[type].label).join(', '),
        ground(rule),
        rule.consentPurpose ? CONSENT_PURPOSE_RULES[rule.consentPurpose].label : '—',
        rule.disclosedBy.map((role) => ROLE_LABELS[role]).join(', '),
        `\`${rule.id}\` (${rule.source})`,
      ]
        .map(cell)
        .join(' | ')} |`,
    );
  }
  lines.push(
    '',
    '## Bijzondere velden',
    '',
    `- Het volledige BSN gaat alleen mee met de identiteit naar: ${recipientLabels(FULL_BSN_RECIPIENT_TYPES, rules)}. Andere ontvangers krijgen het gemaskeerd.`,
    `- Het rekeningnummer (IBAN) gaat alleen mee binnen salaris en dienstverband naar: ${recipientLabels(IBAN_RECIPIENT_TYPES, rules)}.`,
    '- Gespreksverslagen gaan nooit mee; dossierstukken alleen van het gekozen traject en de verstrekte categorieën.',
    '- WhatsApp is geen kanaal voor een verstrekking (R-CONS-04).',
    '- Een schriftelijk rapport aan een opdrachtgever krijgt de status "nog niet getoond" tot is vastgelegd dat de',
    '  cliënt het vóór of na verzending zag (R-SHARE-06); de FG ziet de rapporten die nog niet getoond zijn.',
    '',
    '## Landen (R-SHARE-05)',
    '',
    `Gegevens gaan nooit naar ontvangers buiten de EU/EER. Toegestane landcodes: ${EEA_COUNTRIES.join(', ')}.`,
    '',
  );
  return lines.join('\n');
}
