import { DATA_CATEGORY_LABELS, type DataCategory, type ProcessingRegister } from '@werkpad/shared';

function labels(categories: readonly DataCategory[]): string {
  return categories.map((category) => DATA_CATEGORY_LABELS[category]).join(', ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/**
 * docs/processing-register.md: the register as Markdown, without the moment of generation so that
 * the committed document only changes when a rule does (a unit test compares the two).
 */
export function renderProcessingRegister(register: ProcessingRegister): string {
  const lines = [
    '# Verwerkingsregister (AVG art. 30)',
    '',
    '<!-- Gegenereerd uit de regeldata met `npm run docs:register`; niet met de hand wijzigen. -->',
    '',
    `Verwerkingsverantwoordelijke: **${register.controller}**. Versie van de deelregels: **${register.sharingRulesVersion}**.`,
    '',
    'Dit register wordt gegenereerd uit de regels die de applicatie zelf afdwingt: de trajecttypen',
    '(grondslag, bewaartermijn), de deelregels (ontvangers, categorieën, grondslag of toestemming), de',
    'toestemmingsdoelen en de gegevenscategorieën van het cliëntdossier. Het kan daardoor niet afwijken',
    'van wat het systeem doet. De FG ziet dezelfde inhoud in de applicatie en kan haar als PDF downloaden.',
    '',
    'Gegevenscategorieën per verwerking: wat het cliëntdossier kan bevatten (velden en dossierstukken),',
    'zonder wat alleen bij een ander soort traject hoort (salarisgegevens bij beschut werk en',
    'loonkostensubsidie, medische gegevens en de uitkomst bij de arbeidsdiagnose), plus alles wat de',
    'ontvangers van deze verwerking volgens de deelregels mogen krijgen. Gegevens die bij meer trajecten',
    'van één cliënt horen, worden bewaard tot de laatste vernietigingsdatum (R-RET-02).',
    '',
  ];
  for (const activity of register.activities) {
    lines.push(
      `## ${activity.name} (\`${activity.trajectoryType}\`)`,
      '',
      '**Doelen**',
      '',
      ...activity.purposes.map((purpose) => `- ${purpose}`),
      '',
      `**Grondslagen:** ${activity.legalBases.join('; ')}.`,
      '',
      `**Gegevenscategorieën:** ${labels(activity.dataCategories)}.`,
      '',
      `**Toestemmingsdoelen:** ${activity.consentPurposes.length > 0 ? activity.consentPurposes.join('; ') : 'geen'}.`,
      '',
      `**Bewaartermijn:** ${activity.retention}.`,
      '',
    );
    if (activity.recipients.length === 0) {
      lines.push('**Ontvangers:** geen.', '');
    } else {
      lines.push('| ontvanger | categorieën | grond |', '|---|---|---|');
      for (const recipient of activity.recipients) {
        lines.push(
          `| ${[recipient.recipient, labels(recipient.categories), recipient.ground].map(cell).join(' | ')} |`,
        );
      }
      lines.push('');
    }
  }
  lines.push(
    '## Beveiligingsmaatregelen',
    '',
    ...register.securityMeasures.map((measure) => `- ${measure}`),
    '',
  );
  return lines.join('\n');
}
