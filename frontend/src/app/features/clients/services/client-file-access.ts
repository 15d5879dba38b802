import {
  type ClientView,
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
  type DataCategory,
  DOSSIER_KIND_CATEGORIES,
  type DossierEntryKind,
  type Role,
} from '@werkpad/shared';
import type { AppAbility } from '../../../core/auth/ability';

/**
 * What the UI shows of one client file. The API decides and enforces: it names the categories the
 * user may read in `readableCategories`, and the user's rules say what may be changed. This only hides what would
 * otherwise be an empty tab or a button that ends in a 403.
 */
export interface ClientFileTabs {
  readonly trajectories: boolean;
  readonly dossier: boolean;
  readonly documents: boolean;
  readonly payroll: boolean;
}

/**
 * The categories of this file the user may read, as the API says: `readableCategories` names them
 * all, including those without a client field (coaching notes, benefit impact), which live in the
 * dossier. The UI does not work them out again from the user's rules, so it cannot disagree with
 * the API. Without that list (another endpoint's view) it falls back to the categories shown.
 */
export function fileCategories(
  client: Pick<ClientView, 'categories' | 'readableCategories'> | null,
): DataCategory[] {
  return shownCategories(client?.readableCategories ?? client?.categories);
}

export function shownCategories(categories: readonly string[] | undefined): DataCategory[] {
  const shown = new Set(categories ?? []);
  return DATA_CATEGORIES.filter((category) => shown.has(category));
}

export function visibleTabs(categories: readonly string[] | undefined, ability: AppAbility): ClientFileTabs {
  const shown = new Set(shownCategories(categories));
  // Trajectories are the file's progress. The dossier and documents are its content: only roles
  // that work with documents at all get them (management reads progress, not notes; R-REP-02).
  const trajectories = shown.has('progress');
  const content = trajectories && ability.can('read', 'Document');
  return { trajectories, dossier: content, documents: content, payroll: shown.has('payroll') };
}

/** Categories of this client the user may change: shown to them and covered by an update rule. */
export function writableCategories(
  categories: readonly string[] | undefined,
  ability: AppAbility,
): DataCategory[] {
  return shownCategories(categories).filter((category) => ability.can('update', 'Client', category));
}

/** The categories a new dossier entry of `kind` may carry, limited to what the user may write. */
export function entryCategoryOptions(
  kind: DossierEntryKind | null,
  writable: readonly DataCategory[],
): DataCategory[] {
  if (!kind) return [];
  return DOSSIER_KIND_CATEGORIES[kind].filter((category) => writable.includes(category));
}

/** Kinds of entry the user could possibly read here: at least one of its categories is shown. */
export function readableKinds(
  kinds: readonly DossierEntryKind[],
  categories: readonly string[] | undefined,
): DossierEntryKind[] {
  const shown = shownCategories(categories);
  return kinds.filter((kind) => DOSSIER_KIND_CATEGORIES[kind].some((category) => shown.includes(category)));
}

function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

/**
 * Says what the user sees when it is less than the whole file, so nobody mistakes a partial file
 * for a complete one. The income consultant's limit is R-SHARE-03 and is named as such.
 */
export function categoryNotice(
  categories: readonly string[] | undefined,
  roles: readonly Role[],
): string | null {
  const shown = shownCategories(categories);
  // Coaching notes are the heart of the file; whoever sees them sees the whole (non-medical) file.
  if (shown.length === 0 || shown.includes('coaching_notes')) return null;
  const labels = shown.map((category) => DATA_CATEGORY_LABELS[category].toLowerCase());
  const ground = roles.includes('income_consultant')
    ? ' (R-SHARE-03)'
    : ', voor zover uw rol dat nodig heeft';
  return `U ziet alleen ${joinDutch(labels)}${ground}.`;
}
