import {
  type AbstractControl,
  FormControl,
  FormGroup,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import type {
  CorrespondenceDirection,
  CreateDossierEntryRequest,
  DataCategory,
  DossierEntryKind,
} from '@werkpad/shared';
import { toIsoDate } from '../../../shared/dutch-dates';

export type NewEntryKind = Exclude<DossierEntryKind, 'document'>;
export const NEW_ENTRY_KINDS: readonly NewEntryKind[] = [
  'note',
  'correspondence',
  'progress',
  'instrument',
  'decision',
];

/**
 * R-HUM-01: a decision names the human who took it. A validator on `decidedBy` that reads the
 * sibling `kind`, so the field itself shows the error and gets focus like any other invalid field.
 */
export const decidedByForDecision: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const kind: unknown = control.parent?.get('kind')?.value;
  const empty = String(control.value ?? '').trim() === '';
  return kind === 'decision' && empty ? { required: true } : null;
};

export function createEntryForm() {
  const form = new FormGroup({
    trajectoryId: new FormControl<string | null>(null, Validators.required),
    kind: new FormControl<NewEntryKind | null>('note', Validators.required),
    category: new FormControl<DataCategory | null>(null, Validators.required),
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(200)],
    }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(20000)] }),
    occurredOn: new FormControl<Date | null>(new Date(), Validators.required),
    decidedBy: new FormControl('', {
      nonNullable: true,
      validators: [decidedByForDecision, Validators.maxLength(200)],
    }),
    correspondenceDirection: new FormControl<CorrespondenceDirection | null>(null),
    counterparty: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(200)] }),
  });
  // The requirement depends on the kind: check again whenever the kind changes. The subscription
  // lives exactly as long as the form (both are dropped together).
  form.controls.kind.valueChanges.subscribe(() => form.controls.decidedBy.updateValueAndValidity());
  form.controls.decidedBy.updateValueAndValidity();
  return form;
}

export type EntryForm = ReturnType<typeof createEntryForm>;

export function toEntryRequest(form: EntryForm): CreateDossierEntryRequest | null {
  const value = form.getRawValue();
  if (!value.trajectoryId || !value.kind || !value.category || !value.occurredOn) return null;
  const body = value.body.trim();
  return {
    trajectoryId: value.trajectoryId,
    kind: value.kind,
    category: value.category,
    title: value.title.trim(),
    occurredOn: toIsoDate(value.occurredOn),
    ...(body ? { body } : {}),
    ...(value.kind === 'decision' ? { decidedBy: value.decidedBy.trim() } : {}),
    ...(value.kind === 'correspondence' && value.correspondenceDirection
      ? { correspondenceDirection: value.correspondenceDirection }
      : {}),
    ...(value.kind === 'correspondence' && value.counterparty.trim()
      ? { counterparty: value.counterparty.trim() }
      : {}),
  };
}
