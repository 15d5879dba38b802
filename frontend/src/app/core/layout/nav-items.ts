import { type AbilityRequirement, allows, type AppAbility } from '../auth/ability';

export interface NavItem {
  /** The link's visible text and accessible name; end-to-end tests find links by it. */
  readonly label: string;
  readonly path: string;
  readonly icon: string;
  /** Omitted for pages every signed-in user may see. */
  readonly ability?: AbilityRequirement;
  /**
   * A second right the page needs. The FG's registers: coaches may read disclosures and consents
   * too (of their own clients), so read AuditEvent, which only the FG has, must also hold.
   */
  readonly alsoRequires?: AbilityRequirement;
  /** What the home page's card says about the feature, and the card link's text. */
  readonly description?: string;
  readonly cardAction?: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Start', path: '/', icon: 'home' },
  {
    label: 'Mijn cliënten',
    path: '/clienten',
    icon: 'groups',
    ability: ['read', 'Client'],
    description: 'Bekijk de cliënten in uw caseload.',
    cardAction: 'Caseload bekijken',
  },
  {
    label: 'Expertisecentrum',
    path: '/expertise',
    icon: 'health_and_safety',
    ability: ['read', 'ExpertiseTrajectory'],
    description: 'Uw onderzoeken: medisch dossier, gegevensaanvragen, uitkomst en advies.',
    cardAction: 'Onderzoeken bekijken',
  },
  {
    label: 'Gebruikersbeheer',
    path: '/beheer/gebruikers',
    icon: 'manage_accounts',
    ability: ['manage', 'User'],
    description: 'Maak accounts aan, wijs rollen toe en deactiveer accounts.',
    cardAction: 'Accounts beheren',
  },
  {
    label: 'Arbeidsdiagnoses toewijzen',
    path: '/beheer/arbeidsdiagnoses',
    icon: 'assignment_ind',
    ability: ['assign', 'ExpertiseTrajectory'],
    description: 'Wijs open arbeidsdiagnoses toe aan een medewerker van het Expertisecentrum.',
    cardAction: 'Arbeidsdiagnoses toewijzen',
  },
  {
    label: 'FG-werkplek',
    path: '/fg/overzicht',
    icon: 'dashboard',
    ability: ['read', 'AuditEvent'],
    description: 'Overzicht van het gebruik van gegevens, open bevindingen en datalekken.',
    cardAction: 'Overzicht openen',
  },
  {
    label: 'Toegangslog',
    path: '/fg/toegangslog',
    icon: 'manage_search',
    ability: ['read', 'AuditEvent'],
    description: 'Zoek in de toegangslog en zie per cliënt wie welke gegevens gebruikte (NEN 7513).',
    cardAction: 'Toegangslog doorzoeken',
  },
  {
    label: 'Bevindingen',
    path: '/fg/bevindingen',
    icon: 'policy',
    ability: ['read', 'AuditEvent'],
    description: 'Beoordeel ongebruikelijke toegang, zoals noodtoegang en toegang buiten de caseload.',
    cardAction: 'Bevindingen beoordelen',
  },
  {
    label: 'Auditlog controleren',
    path: '/fg/auditlog',
    icon: 'verified_user',
    ability: ['verify', 'AuditChain'],
    description: 'Controleer of de auditlog volledig en onveranderd is.',
    cardAction: 'Controle openen',
  },
  {
    label: 'Verstrekkingenregister',
    path: '/registers/verstrekkingen',
    icon: 'outbox',
    ability: ['read', 'Disclosure'],
    alsoRequires: ['read', 'AuditEvent'],
    description: 'Bekijk welke gegevens aan wie zijn verstrekt, op welke grondslag.',
    cardAction: 'Verstrekkingen bekijken',
  },
  {
    label: 'Toestemmingenregister',
    path: '/registers/toestemmingen',
    icon: 'fact_check',
    ability: ['read', 'Consent'],
    alsoRequires: ['read', 'AuditEvent'],
    description: 'Bekijk de toestemmingen van cliënten en of het bewijs aanwezig is.',
    cardAction: 'Toestemmingen bekijken',
  },
  {
    label: 'Datalekken',
    path: '/fg/datalekken',
    icon: 'gpp_maybe',
    ability: ['read', 'DataBreach'],
    description: 'Registreer datalekken en volg de meldtermijn van 72 uur bij de AP.',
    cardAction: 'Datalekken bekijken',
  },
  {
    label: 'Verwerkingsregister',
    path: '/fg/verwerkingsregister',
    icon: 'menu_book',
    ability: ['read', 'ProcessingRegister'],
    description: 'Het register van verwerkingen (AVG art. 30), als PDF te downloaden.',
    cardAction: 'Register bekijken',
  },
  {
    label: 'Bewaartermijnen',
    path: '/bewaartermijnen',
    icon: 'auto_delete',
    ability: ['read', 'DestructionList'],
    description: 'Dossiers die te vernietigen zijn, de vernietigingslijst en de verklaring van vernietiging.',
    cardAction: 'Bewaartermijnen bekijken',
  },
  {
    label: 'Verzoeken betrokkenen',
    path: '/verzoeken',
    icon: 'assignment_ind',
    ability: ['read', 'DataSubjectRequest'],
    description: 'Inzage, verwijdering en de andere rechten: op termijn, met identiteitscontrole en brieven.',
    cardAction: 'Verzoeken bekijken',
  },
  {
    label: 'Rapportages',
    path: '/rapportages',
    icon: 'summarize',
    ability: ['export', 'ReportExport'],
    description: 'Exporteer voortgangsrapportages van cliënten als PDF, per cliënt, in één zip.',
    cardAction: 'Rapportages exporteren',
  },
  {
    label: 'Noodtoegang',
    path: '/noodtoegang',
    icon: 'emergency',
    ability: ['create', 'EmergencyAccess'],
    description: 'Open in een noodsituatie het dossier van een cliënt buiten uw caseload.',
    cardAction: 'Noodtoegang aanvragen',
  },
];

export function permittedNavItems(ability: AppAbility): readonly NavItem[] {
  return NAV_ITEMS.filter((item) => allows(ability, item.ability) && allows(ability, item.alsoRequires));
}
