import { createEntryForm, toEntryRequest } from './dossier-entry-form';

function filledForm() {
  const form = createEntryForm();
  form.patchValue({
    trajectoryId: 't1',
    kind: 'note',
    category: 'coaching_notes',
    title: ' Kennismaking ',
    body: ' Eerste gesprek. ',
    occurredOn: new Date(2025, 2, 1),
  });
  return form;
}

describe('dossier entry form', () => {
  it('R-HUM-01: a decision needs the name of who took it', () => {
    const form = filledForm();
    form.patchValue({ kind: 'decision', category: 'progress' });
    expect(form.controls.decidedBy.hasError('required')).toBe(true);
    expect(form.valid).toBe(false);

    form.controls.decidedBy.setValue('   ');
    expect(form.valid).toBe(false);

    form.controls.decidedBy.setValue('J. Jansen, teamleider');
    expect(form.valid).toBe(true);
    expect(toEntryRequest(form)?.decidedBy).toBe('J. Jansen, teamleider');
  });

  it('does not ask a note for a decider, and drops the requirement when the kind changes back', () => {
    const form = filledForm();
    expect(form.valid).toBe(true);
    form.controls.kind.setValue('decision');
    expect(form.valid).toBe(false);
    form.controls.kind.setValue('note');
    expect(form.controls.decidedBy.errors).toBeNull();
    expect(form.valid).toBe(true);
  });

  it('sends the typed day as YYYY-MM-DD, trimmed texts, and no decidedBy for a note', () => {
    const form = filledForm();
    form.controls.decidedBy.setValue('left over');
    expect(toEntryRequest(form)).toEqual({
      trajectoryId: 't1',
      kind: 'note',
      category: 'coaching_notes',
      title: 'Kennismaking',
      body: 'Eerste gesprek.',
      occurredOn: '2025-03-01',
    });
  });

  it('requires a trajectory, category, title and date', () => {
    const form = createEntryForm();
    expect(form.controls.trajectoryId.hasError('required')).toBe(true);
    expect(form.controls.category.hasError('required')).toBe(true);
    expect(form.controls.title.hasError('required')).toBe(true);
    form.controls.occurredOn.setValue(null);
    expect(form.controls.occurredOn.hasError('required')).toBe(true);
    expect(toEntryRequest(form)).toBeNull();
  });
});
