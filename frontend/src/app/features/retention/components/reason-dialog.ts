import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

export interface ReasonDialogData {
  readonly title: string;
  readonly intro: string;
  readonly confirmLabel: string;
  /** Shown under the field, e.g. "Noem geen namen." */
  readonly hint?: string;
  /** Also ask for an end date (a legal hold). */
  readonly askUntil?: boolean;
}

export interface ReasonDialogResult {
  readonly reason: string;
  readonly until: string | null;
}

/** Asks for the reason of a recorded act (exclusion, hold, lifting it): at least 10 characters. */
@Component({
  selector: 'wp-reason-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.intro }}</p>
      <mat-form-field class="full">
        <mat-label>Reden</mat-label>
        <textarea matInput rows="3" [formControl]="reason" required></textarea>
        <mat-hint>{{ data.hint ?? 'Minstens 10 tekens.' }}</mat-hint>
        @if (reason.invalid && reason.touched) {
          <mat-error>Geef een reden van minstens 10 tekens.</mat-error>
        }
      </mat-form-field>
      @if (data.askUntil) {
        <mat-form-field class="full">
          <mat-label>Tot en met (JJJJ-MM-DD, leeg: tot opheffing)</mat-label>
          <input matInput [formControl]="until" placeholder="2027-12-31" />
          @if (until.invalid && until.touched) {
            <mat-error>Vul een datum in als JJJJ-MM-DD.</mat-error>
          }
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Annuleren</button>
      <button mat-flat-button type="button" (click)="confirm()">{{ data.confirmLabel }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
      min-width: min(480px, 80vw);
    }
  `,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialog, ReasonDialogResult>>(MatDialogRef);
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(10), Validators.maxLength(1000)],
  });
  protected readonly until = new FormControl('', {
    nonNullable: true,
    validators: [Validators.pattern(/^\d{4}-\d{2}-\d{2}$/)],
  });

  protected confirm(): void {
    this.reason.markAsTouched();
    this.until.markAsTouched();
    if (this.reason.invalid || this.until.invalid) return;
    this.ref.close({ reason: this.reason.value.trim(), until: this.until.value || null });
  }
}
