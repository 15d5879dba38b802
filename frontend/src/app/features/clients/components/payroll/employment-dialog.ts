import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CreateEmploymentRequest } from '@werkpad/shared';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { PayrollService } from '../../services/payroll.service';
import { parseDecimal, parseEuros } from '../money';
import { DateField } from './date-field';
import { PayrollDialogFrame } from './payroll-dialog-frame';
import {
  decimalValidator,
  DialogSave,
  eurosValidator,
  fieldError,
  optionalIso,
  type PayrollDialogData,
} from './payroll-form';

const text = () =>
  new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
  });

/** Records an employment (dienstverband) of the client: employer, job, hours and gross salary. */
@Component({
  selector: 'wp-employment-dialog',
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    DateField,
    PayrollDialogFrame,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './employment-dialog.html',
  styleUrl: '../client-form.scss',
})
export class EmploymentDialog {
  private readonly payroll = inject(PayrollService);
  private readonly data = inject<PayrollDialogData>(MAT_DIALOG_DATA);

  // Controls are named after the request fields, so the server's field errors land on them.
  protected readonly form = new FormGroup({
    employerName: text(),
    isInlener: new FormControl(false, { nonNullable: true }),
    jobTitle: text(),
    startDate: new FormControl<Date | null>(null, Validators.required),
    endDate: new FormControl<Date | null>(null),
    contractHoursPerWeek: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, decimalValidator(1, 0.1, 40)],
    }),
    grossMonthlySalaryCents: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, eurosValidator],
    }),
  });
  protected readonly save = new DialogSave(
    this.form,
    'Het dienstverband is niet opgeslagen. Probeer het opnieuw.',
  );
  protected readonly startDate = toSignal(this.form.controls.startDate.valueChanges, { initialValue: null });
  protected readonly error = fieldError;

  protected submit(): void {
    this.save.submit(() => {
      const value = this.form.getRawValue();
      const hours = parseDecimal(value.contractHoursPerWeek, 1);
      const cents = parseEuros(value.grossMonthlySalaryCents);
      if (!value.startDate || hours === null || cents === null) return null;
      const request: CreateEmploymentRequest = {
        employerName: value.employerName.trim(),
        isInlener: value.isInlener,
        jobTitle: value.jobTitle.trim(),
        startDate: toIsoDate(value.startDate),
        endDate: optionalIso(value.endDate),
        contractHoursPerWeek: hours,
        grossMonthlySalaryCents: cents,
      };
      return this.payroll.addEmployment(this.data.clientId, request);
    });
  }
}
