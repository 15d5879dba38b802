import { type AbstractControl, type ValidationErrors, type ValidatorFn } from '@angular/forms';
import { isValidBsn } from '@werkpad/shared';

/** The explanation the FG reviews must say something (the database also requires 20 characters). */
export const EXPLANATION_MIN_LENGTH = 20;
export const EXPLANATION_MAX_LENGTH = 2000;

/** Nine digits that pass the 11-proef; spaces and dots people type between digits are ignored. */
export function normalizeBsn(value: string): string {
  return value.replace(/[\s.]/g, '');
}

export const bsnValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value = normalizeBsn(String(control.value ?? ''));
  if (value === '') return null;
  return isValidBsn(value) ? null : { bsn: true };
};

/** Counts what will be stored: leading and trailing spaces do not make an explanation. */
export const explanationValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const length = String(control.value ?? '').trim().length;
  if (length === 0) return null;
  return length < EXPLANATION_MIN_LENGTH
    ? { minlength: { requiredLength: EXPLANATION_MIN_LENGTH, actualLength: length } }
    : null;
};

/** "14:35" in Dutch time, whatever zone the browser is in. */
const TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function dutchTime(iso: string): string {
  return TIME.format(new Date(iso));
}
