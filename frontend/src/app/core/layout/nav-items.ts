import { type AbilityRequirement, allows, type AppAbility } from '../auth/ability';

export interface NavItem {
  /** The link's visible text and accessible name; end-to-end tests find links by it. */
  readonly label: string;
  readonly path: string;
  readonly icon: string;
  /** Omitted for pages every signed-in user may see. */
  readonly ability?: AbilityRequirement;
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
    label: 'Gebruikersbeheer',
    path: '/beheer/gebruikers',
    icon: 'manage_accounts',
    ability: ['manage', 'User'],
    description: 'Maak accounts aan, wijs rollen toe en deactiveer accounts.',
    cardAction: 'Accounts beheren',
  },
  {
    label: 'Auditlog controleren',
    path: '/fg/auditlog',
    icon: 'verified_user',
    ability: ['verify', 'AuditChain'],
    description: 'Controleer of de auditlog volledig en onveranderd is.',
    cardAction: 'Controle openen',
  },
];

export function permittedNavItems(ability: AppAbility): readonly NavItem[] {
  return NAV_ITEMS.filter((item) => allows(ability, item.ability));
}
