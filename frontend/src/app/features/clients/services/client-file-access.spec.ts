import type { DataCategory } from '@werkpad/shared';
import { buildAbility } from '../../../core/auth/ability';
import { CLIENT_RULES } from '../../../../testing/client-roles';
import {
  categoryNotice,
  fileCategories,
  entryCategoryOptions,
  readableKinds,
  visibleTabs,
  writableCategories,
} from './client-file-access';

const INCOME_CATEGORIES: DataCategory[] = ['identity', 'contact', 'progress', 'benefit_impact'];
const COACH_CATEGORIES: DataCategory[] = [
  'identity',
  'contact',
  'work_history',
  'education',
  'progress',
  'benefit_impact',
  'coaching_notes',
  'life_domains',
];

describe('client file access', () => {
  describe('categoryNotice', () => {
    it('R-SHARE-03: tells the income consultant which categories are shown, derived from the response', () => {
      expect(categoryNotice(INCOME_CATEGORIES, ['income_consultant'])).toBe(
        'U ziet alleen identiteit, contactgegevens, voortgang en gevolgen voor uitkering (R-SHARE-03).',
      );
    });

    it('R-SHARE-03: names the intake extras when the API shows them', () => {
      const notice = categoryNotice([...INCOME_CATEGORIES, 'education', 'financial'], ['income_consultant']);
      expect(notice).toContain('opleiding');
      expect(notice).toContain('financiële situatie en schulden');
      expect(notice).toMatch(/\(R-SHARE-03\)\.$/);
    });

    it('says nothing to a coach who sees the whole file', () => {
      expect(categoryNotice(COACH_CATEGORIES, ['coach'])).toBeNull();
    });

    it('names the limit for other partial views without claiming R-SHARE-03', () => {
      const notice = categoryNotice(['identity', 'progress'], ['management']);
      expect(notice).toBe('U ziet alleen identiteit en voortgang, voor zover uw rol dat nodig heeft.');
    });

    it('ignores category names it does not know and keeps the fixed order', () => {
      expect(categoryNotice(['progress', 'nonsense', 'identity'], ['management'])).toContain(
        'identiteit en voortgang',
      );
    });
  });

  describe('fileCategories', () => {
    it('R-SHARE-03: takes benefit impact (no client field) from readableCategories, so the income consultant is told it', () => {
      const categories = fileCategories({
        categories: ['identity', 'contact', 'progress'],
        readableCategories: INCOME_CATEGORIES,
      });
      expect(categories).toEqual(['identity', 'contact', 'progress', 'benefit_impact']);
      expect(categoryNotice(categories, ['income_consultant'])).toBe(
        'U ziet alleen identiteit, contactgegevens, voortgang en gevolgen voor uitkering (R-SHARE-03).',
      );
    });

    it('follows the API, not the user rules: coaching notes only when the API names them', () => {
      const shownOnly = { categories: ['identity', 'contact', 'progress'] };
      expect(fileCategories({ ...shownOnly, readableCategories: COACH_CATEGORIES })).toContain(
        'coaching_notes',
      );
      expect(
        categoryNotice(fileCategories({ ...shownOnly, readableCategories: COACH_CATEGORIES }), ['coach']),
      ).toBeNull();
      // Without readableCategories (a list row) it claims no more than the fields shown.
      expect(fileCategories(shownOnly)).toEqual(['identity', 'contact', 'progress']);
    });

    it('keeps the fixed order, ignores unknown names and gives nothing without a client', () => {
      expect(fileCategories({ categories: ['progress', 'x', 'identity'] })).toEqual(['identity', 'progress']);
      expect(fileCategories(null)).toEqual([]);
    });
  });

  describe('visibleTabs', () => {
    it('gives a coach trajectories, dossier and documents but no payroll', () => {
      expect(visibleTabs(COACH_CATEGORIES, buildAbility(CLIENT_RULES.coach))).toEqual({
        trajectories: true,
        dossier: true,
        documents: true,
        payroll: false,
      });
    });

    it('gives management only trajectories: no notes, no documents', () => {
      expect(visibleTabs(['identity', 'progress'], buildAbility(CLIENT_RULES.management))).toEqual({
        trajectories: true,
        dossier: false,
        documents: false,
        payroll: false,
      });
    });

    it('gives payroll the overview and Loon only', () => {
      expect(visibleTabs(['identity', 'contact', 'payroll'], buildAbility(CLIENT_RULES.payroll))).toEqual({
        trajectories: false,
        dossier: false,
        documents: false,
        payroll: true,
      });
    });

    it('gives an admin nothing beyond the overview', () => {
      expect(visibleTabs(['identity'], buildAbility(CLIENT_RULES.admin))).toEqual({
        trajectories: false,
        dossier: false,
        documents: false,
        payroll: false,
      });
    });
  });

  describe('what may be written', () => {
    it('lets a coach write the shown categories and an income consultant none', () => {
      expect(writableCategories(COACH_CATEGORIES, buildAbility(CLIENT_RULES.coach))).toEqual(
        COACH_CATEGORIES,
      );
      expect(writableCategories(INCOME_CATEGORIES, buildAbility(CLIENT_RULES.income_consultant))).toEqual([]);
    });

    it('offers per kind only the categories DOSSIER_KIND_CATEGORIES allows', () => {
      expect(entryCategoryOptions('note', COACH_CATEGORIES)).toEqual(['coaching_notes']);
      expect(entryCategoryOptions('decision', COACH_CATEGORIES)).toEqual(['progress', 'benefit_impact']);
      expect(entryCategoryOptions('progress', COACH_CATEGORIES)).toEqual(['progress', 'benefit_impact']);
      expect(entryCategoryOptions('instrument', COACH_CATEGORIES)).toEqual([
        'progress',
        'work_history',
        'education',
      ]);
      expect(entryCategoryOptions(null, COACH_CATEGORIES)).toEqual([]);
    });

    it('never offers medical as a dossier category, even when writable (R-MED-01)', () => {
      const all = [...COACH_CATEGORIES, 'medical' as const];
      for (const kind of [
        'note',
        'correspondence',
        'progress',
        'instrument',
        'decision',
        'document',
      ] as const) {
        expect(entryCategoryOptions(kind, all)).not.toContain('medical');
      }
    });

    it('R-SHARE-03: offers the income consultant no conversation-note filter', () => {
      const kinds = readableKinds(['note', 'correspondence', 'progress', 'decision'], INCOME_CATEGORIES);
      expect(kinds).not.toContain('note');
      expect(kinds).toEqual(['correspondence', 'progress', 'decision']);
    });
  });
});
