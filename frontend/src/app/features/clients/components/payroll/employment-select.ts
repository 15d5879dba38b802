import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { EmploymentView } from '@werkpad/shared';
import { fieldError } from './payroll-form';

/** The employment that hours or absence belong to: employer, job and start date tell them apart. */
@Component({
  selector: 'wp-employment-select',
  imports: [DatePipe, ReactiveFormsModule, MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field full' },
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>Dienstverband</mat-label>
      <mat-select [formControl]="control()">
        @for (e of employments(); track e.id) {
          <mat-option [value]="e.id">
            {{ e.employerName }}, {{ e.jobTitle }} (vanaf {{ e.startDate | date: 'dd-MM-yyyy' }})
          </mat-option>
        }
      </mat-select>
      <mat-error>{{ message() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
})
export class EmploymentSelect {
  readonly control = input.required<FormControl<string | null>>();
  readonly employments = input.required<readonly EmploymentView[]>();

  protected message(): string {
    return fieldError(this.control(), 'Kies het dienstverband.');
  }
}

/** The employment to preselect: the only one, else the newest that is still running. */
export function defaultEmployment(employments: readonly EmploymentView[]): string | null {
  const running = employments.filter((e) => e.endDate === null);
  const newest = [...(running.length > 0 ? running : employments)].sort((a, b) =>
    b.startDate.localeCompare(a.startDate),
  );
  return newest[0]?.id ?? null;
}
