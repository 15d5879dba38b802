import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  FormControl,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Finding } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDateTime, findingKindLabel } from '../fg-labels';
import { FgService } from '../services/fg.service';

export interface ReviewFindingDialogData {
  readonly finding: Finding;
}

export const REVIEW_NOTE_MAX = 2000;

/** A note that is only spaces says nothing; the review must say what the FG concluded. */
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/**
 * Marks one finding reviewed with the FG's note (issue 6, item 3); emergency access must always be
 * reviewed this way. Closes with the reviewed finding, or undefined when cancelled.
 */
@Component({
  selector: 'wp-review-finding-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Bevinding beoordelen</h2>
    <!-- A plain (submit): without NgForm or [formGroup] the browser would submit natively. -->
    <form class="dialog-form" (submit)="$event.preventDefault(); save()" novalidate>
      <mat-dialog-content>
        <dl class="finding">
          <div>
            <dt>Soort</dt>
            <dd>{{ kindLabel(data.finding.kind) }}</dd>
          </div>
          <div>
            <dt>Tijdstip</dt>
            <dd>{{ dateTime(data.finding.occurredAt) }}</dd>
          </div>
          <div>
            <dt>Gebruiker</dt>
            <dd>{{ data.finding.username ?? '—' }}</dd>
          </div>
          <div>
            <dt>Beschrijving</dt>
            <dd>{{ data.finding.description }}</dd>
          </div>
        </dl>
        <mat-form-field class="note">
          <mat-label>Notitie bij de beoordeling</mat-label>
          <textarea matInput [formControl]="note" rows="4" [attr.maxlength]="noteMax"></textarea>
          <mat-hint>Wat heeft u vastgesteld, en wat is er gedaan? Noem geen namen van cliënten.</mat-hint>
          @if (note.hasError('required')) {
            <mat-error>Vul een notitie in.</mat-error>
          } @else if (note.hasError('maxlength')) {
            <mat-error>De notitie mag hoogstens {{ noteMax }} tekens lang zijn.</mat-error>
          }
        </mat-form-field>
        @if (error(); as message) {
          <div class="alert alert--error" role="alert">{{ message }}</div>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">Annuleren</button>
        <!-- Not disabled while saving: disabling the focused button would drop keyboard focus. -->
        <button mat-flat-button type="submit">Beoordeling opslaan</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .finding {
      margin: 0 0 16px;
    }
    .finding div {
      display: grid;
      grid-template-columns: 8em 1fr;
      gap: 8px;
      margin-bottom: 4px;
    }
    .finding dt {
      font-weight: 500;
    }
    .finding dd {
      margin: 0;
    }
    .note {
      width: 100%;
    }
  `,
})
export class ReviewFindingDialog {
  private readonly fg = inject(FgService);
  private readonly dialogRef = inject<MatDialogRef<ReviewFindingDialog, Finding>>(MatDialogRef);
  protected readonly data = inject<ReviewFindingDialogData>(MAT_DIALOG_DATA);

  protected readonly noteMax = REVIEW_NOTE_MAX;
  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: [notBlank, Validators.maxLength(REVIEW_NOTE_MAX)],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly kindLabel = findingKindLabel;
  protected readonly dateTime = dutchDateTime;

  protected save(): void {
    this.error.set(null);
    if (this.note.invalid) {
      this.note.markAsTouched();
      return;
    }
    if (this.saving()) return;
    this.saving.set(true);
    this.fg.reviewFinding({ key: this.data.finding.key, note: this.note.value.trim() }).subscribe({
      next: (finding) => {
        this.saving.set(false);
        this.dialogRef.close(finding);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(
          apiErrorMessage(error, 'De beoordeling kon niet worden opgeslagen. Probeer het opnieuw.'),
        );
      },
    });
  }
}
