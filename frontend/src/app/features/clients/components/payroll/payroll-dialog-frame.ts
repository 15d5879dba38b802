import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import type { DialogSave } from './payroll-form';

/**
 * Title, error alert, fields and buttons of a payroll dialog. The dialog projects its fields, bound
 * with [formControl] (projected content does not see this form's group directive).
 */
@Component({
  selector: 'wp-payroll-dialog-frame',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ heading() }}</h2>
    <form class="dialog-form" [formGroup]="form()" (ngSubmit)="submitted.emit()" novalidate>
      <mat-dialog-content>
        @if (save().errors().length > 0) {
          <div class="alert alert--error" role="alert">
            @for (message of save().errors(); track $index) {
              <div>{{ message }}</div>
            }
          </div>
        }
        <ng-content select="[intro]" />
        <div class="section plain"><ng-content /></div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuleren</button>
        <button mat-flat-button type="submit" [disabled]="save().saving()">Opslaan</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: '../client-form.scss',
})
export class PayrollDialogFrame {
  readonly heading = input.required<string>();
  readonly form = input.required<FormGroup>();
  readonly save = input.required<DialogSave>();
  readonly submitted = output<void>();
}
