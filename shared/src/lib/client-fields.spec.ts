import { DOSSIER_ENTRY_KINDS, DOSSIER_KIND_CATEGORIES } from '../contracts/dossier';
import { CLIENT_FIELD_CATEGORIES, CLIENT_WRITE_CATEGORIES } from './client-fields';

describe('categories of client fields and dossier entries', () => {
  it('R-MED-01: no client field and no kind of dossier entry can carry medical data', () => {
    expect(Object.values(CLIENT_FIELD_CATEGORIES)).not.toContain('medical');
    expect(Object.values(CLIENT_WRITE_CATEGORIES)).not.toContain('medical');
    for (const kind of DOSSIER_ENTRY_KINDS) expect(DOSSIER_KIND_CATEGORIES[kind]).not.toContain('medical');
  });

  it('writes a field under the same category it is shown under, the BSN and IBAN included', () => {
    for (const [field, category] of Object.entries(CLIENT_WRITE_CATEGORIES)) {
      const shownAs = field === 'bsn' ? 'bsnMasked' : field === 'iban' ? 'ibanMasked' : field;
      expect({ field, category }).toEqual({
        field,
        category: CLIENT_FIELD_CATEGORIES[shownAs as keyof typeof CLIENT_FIELD_CATEGORIES],
      });
    }
  });

  it('keeps conversation notes as coaching notes only, so roles without that category never see one', () => {
    expect(DOSSIER_KIND_CATEGORIES.note).toEqual(['coaching_notes']);
    expect(DOSSIER_KIND_CATEGORIES.correspondence).not.toContain('identity');
    expect(DOSSIER_KIND_CATEGORIES.document).toContain('identity');
  });
});
