import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { fromIsoDate, toIsoDate } from './dutch-dates';

export interface DatePromptData {
  readonly title: string;
  readonly message: string;
  readonly label: string;
  readonly confirmLabel: string;
  /** YYYY-MM-DD; today when left out. */
  readonly initial?: string;
  /** YYYY-MM-DD bounds, checked before the dialog closes. */
  readonly min?: string;
  readonly max?: string;
}

/** Asks for one date (dd-mm-jjjj, with a calendar); closes with it as YYYY-MM-DD, or undefined. */
@Component({
  selector: 'wp-date-prompt-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <!-- A plain (submit): ngSubmit needs NgForm or [formGroup], and without either the browser
         would submit the form natively and reload the page. -->
    <form class="dialog-form" (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content>
        <p>{{ data.message }}</p>
        <mat-form-field class="field" subscriptSizing="dynamic">
          <mat-label>{{ data.label }}</mat-label>
          <input
            matInput
            [matDatepicker]="picker"
            [formControl]="date"
            [min]="min"
            [max]="max"
            autocomplete="off"
          />
          <mat-hint>dd-mm-jjjj</mat-hint>
          <mat-datepicker-toggle matIconSuffix [for]="picker" />
          <mat-datepicker #picker />
          @if (error(); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Annuleren</button>
        <button mat-flat-button type="submit">{{ data.confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
    }
  `,
})
export class DatePromptDialog {
  protected readonly data = inject<DatePromptData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<DatePromptDialog, string>>(MatDialogRef);

  protected readonly min = this.data.min ? fromIsoDate(this.data.min) : null;
  protected readonly max = this.data.max ? fromIsoDate(this.data.max) : null;
  protected readonly date = new FormControl<Date | null>(
    this.data.initial ? fromIsoDate(this.data.initial) : new Date(),
    { validators: Validators.required },
  );
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    this.date.markAsTouched();
    const errors = this.date.errors ?? {};
    if (errors['matDatepickerParse']) {
      this.error.set('Vul een bestaande datum in als dd-mm-jjjj.');
    } else if (errors['required'] || !this.date.value) {
      this.error.set('Vul een datum in.');
    } else if (errors['matDatepickerMin']) {
      this.error.set('Deze datum ligt te vroeg.');
    } else if (errors['matDatepickerMax']) {
      this.error.set('Deze datum ligt in de toekomst.');
    } else {
      this.dialogRef.close(toIsoDate(this.date.value));
    }
  }
}
