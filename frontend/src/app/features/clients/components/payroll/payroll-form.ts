import { afterNextRender, ElementRef, inject, Injector, signal } from '@angular/core';
import type { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import type { ApiFieldError, EmploymentView } from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { apiErrorMessage, apiFieldErrors, httpStatus } from '../../../../core/http/api-error';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { parseDecimal, parseEuros } from '../money';

/** What every payroll dialog gets: the client, and its employments to add hours or absence to. */
export interface PayrollDialogData {
  readonly clientId: string;
  readonly employments: readonly EmploymentView[];
}

const CHECK_FIELDS = 'Controleer de gemarkeerde velden.';

/** A typed number within bounds (comma or point), e.g. contract hours "32,5". */
export function decimalValidator(decimals: number, min: number, max: number): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    if (control.value === '' || control.value === null) return null;
    const value = parseDecimal(String(control.value), decimals);
    return value !== null && value >= min && value <= max ? null : { number: true };
  };
}

/** An amount in euro with at most two decimals ("2.150,00"). */
export function eurosValidator(control: AbstractControl<string>): ValidationErrors | null {
  if (control.value === '' || control.value === null) return null;
  return parseEuros(String(control.value)) === null ? { amount: true } : null;
}

/** The server's message for this field when it refused it, else the form's own message. */
export function fieldError(control: AbstractControl, fallback: string): string {
  const server: unknown = control.getError('server');
  return typeof server === 'string' ? server : fallback;
}

/** The ISO date of an optional date control: null when empty. */
export function optionalIso(date: Date | null): string | null {
  return date ? toIsoDate(date) : null;
}

/**
 * Puts the API's 400 field errors on the controls of the same name (the dialogs name their
 * controls after the request fields), and returns those that belong to no control.
 */
export function applyFieldErrors(form: FormGroup, errors: readonly ApiFieldError[]): string[] {
  const unmatched: string[] = [];
  for (const { field, messages } of errors) {
    const control = form.get(field.split('.')[0]);
    if (control?.enabled) {
      control.setErrors({ ...control.errors, server: messages.join(' ') });
      control.markAsTouched();
    } else {
      unmatched.push(...messages);
    }
  }
  return unmatched;
}

/**
 * Saving one payroll dialog, the same way in each: check the form, send, close with the result, or
 * show why the server refused it — next to the field for a 400, as a message for a 409 (hours of
 * that month already recorded) or anything else. Call it in a field initialiser of the dialog.
 */
export class DialogSave {
  readonly saving = signal(false);
  readonly errors = signal<readonly string[]>([]);
  private readonly dialogRef = inject(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor(
    private readonly form: FormGroup,
    private readonly fallback: string,
  ) {}

  /** `request` builds the call from the valid form; null means the form cannot be sent. */
  submit<T>(request: () => Observable<T> | null): void {
    if (this.saving()) return;
    this.errors.set([]);
    this.form.updateValueAndValidity();
    const call = this.form.valid ? request() : null;
    if (!call) {
      this.form.markAllAsTouched();
      this.errors.set([CHECK_FIELDS]);
      this.focusFirstInvalid();
      return;
    }
    this.saving.set(true);
    call.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errors.set(this.messages(error));
        this.focusFirstInvalid();
      },
    });
  }

  private messages(error: unknown): string[] {
    if (httpStatus(error) !== 400) return [apiErrorMessage(error, this.fallback)];
    const unmatched = applyFieldErrors(this.form, apiFieldErrors(error));
    return unmatched.length > 0 ? unmatched : [CHECK_FIELDS];
  }

  /** Keyboard and screen-reader users land on the field to fix instead of hunting for it. */
  private focusFirstInvalid(): void {
    afterNextRender(
      () =>
        this.host.nativeElement
          .querySelector<HTMLElement>('input.ng-invalid, mat-select.ng-invalid')
          ?.focus(),
      { injector: this.injector },
    );
  }
}
