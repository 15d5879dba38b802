import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { PayrollService } from '../../services/payroll.service';
import { parseDecimal } from '../money';
import { DateField, firstOfMonth } from './date-field';
import { defaultEmployment, EmploymentSelect } from './employment-select';
import { PayrollDialogFrame } from './payroll-dialog-frame';
import { decimalValidator, DialogSave, fieldError, type PayrollDialogData } from './payroll-form';

/** Records the hours worked in one month of an employment (one record per month; 409 otherwise). */
@Component({
  selector: 'wp-hours-dialog',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    DateField,
    EmploymentSelect,
    PayrollDialogFrame,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './hours-dialog.html',
  styleUrl: '../client-form.scss',
})
export class HoursDialog {
  private readonly payroll = inject(PayrollService);
  protected readonly data = inject<PayrollDialogData>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    employmentId: new FormControl<string | null>(
      defaultEmployment(this.data.employments),
      Validators.required,
    ),
    month: new FormControl<Date | null>(null, Validators.required),
    hoursWorked: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, decimalValidator(1, 0, 300)],
    }),
  });
  protected readonly save = new DialogSave(this.form, 'De uren zijn niet opgeslagen. Probeer het opnieuw.');
  protected readonly error = fieldError;

  protected submit(): void {
    this.save.submit(() => {
      const { employmentId, month, hoursWorked } = this.form.getRawValue();
      const hours = parseDecimal(hoursWorked, 1);
      if (!employmentId || !month || hours === null) return null;
      // A typed date anywhere in the month means that month: the API keeps hours per month.
      const request = { month: toIsoDate(firstOfMonth(month)), hoursWorked: hours };
      return this.payroll.addHours(this.data.clientId, employmentId, request);
    });
  }
}
