import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { ClientView } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { ClientsService, type StaffMember } from '../services/clients.service';

export interface AssignmentDialogData {
  readonly client: ClientView;
}

/** Admin: who coaches the client and which income consultant is linked (no file content). */
@Component({
  selector: 'wp-assignment-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Toewijzen: {{ name }}</h2>
    <form class="dialog-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <div class="alert alert--error" role="alert">{{ message }}</div>
        }
        <mat-form-field class="field" subscriptSizing="dynamic">
          <mat-label>Trajectbegeleider</mat-label>
          <mat-select formControlName="coachId">
            <mat-option [value]="null">Geen</mat-option>
            @for (coach of coaches(); track coach.id) {
              <mat-option [value]="coach.id">{{ coach.displayName }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="field" subscriptSizing="dynamic">
          <mat-label>Inkomensconsulent</mat-label>
          <mat-select formControlName="incomeConsultantId">
            <mat-option [value]="null">Geen</mat-option>
            @for (consultant of consultants(); track consultant.id) {
              <mat-option [value]="consultant.id">{{ consultant.displayName }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuleren</button>
        <button mat-flat-button type="submit" [disabled]="saving()">Opslaan</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      display: block;
      width: 100%;
      margin-bottom: 12px;
    }
  `,
})
export class AssignmentDialog {
  private readonly clients = inject(ClientsService);
  private readonly dialogRef = inject<MatDialogRef<AssignmentDialog, ClientView>>(MatDialogRef);
  private readonly client = inject<AssignmentDialogData>(MAT_DIALOG_DATA).client;

  protected readonly name = `${this.client.firstName ?? ''} ${this.client.lastName ?? ''}`.trim();
  protected readonly coaches = signal<readonly StaffMember[]>([]);
  protected readonly consultants = signal<readonly StaffMember[]>([]);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    coachId: new FormControl<string | null>(this.client.coachId),
    incomeConsultantId: new FormControl<string | null>(this.client.incomeConsultantId),
  });

  constructor() {
    this.clients.staff('coach').subscribe({ next: (staff) => this.coaches.set(staff) });
    this.clients.staff('income_consultant').subscribe({ next: (staff) => this.consultants.set(staff) });
  }

  protected save(): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    const { coachId, incomeConsultantId } = this.form.getRawValue();
    this.clients.assign(this.client.id, { coachId, incomeConsultantId }).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(apiErrorMessage(error, 'De toewijzing is niet opgeslagen. Probeer het opnieuw.'));
      },
    });
  }
}
