import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { PayrollService } from '../../services/payroll.service';
import { parseDecimal } from '../money';
import { DateField } from './date-field';
import { PayrollDialogFrame } from './payroll-dialog-frame';
import { decimalValidator, DialogSave, fieldError, type PayrollDialogData } from './payroll-form';

const text = () =>
  new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
  });

/** Records an assessed loonwaarde; R-HUM-01: the person who assessed it is named. */
@Component({
  selector: 'wp-loonwaarde-dialog',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, DateField, PayrollDialogFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './loonwaarde-dialog.html',
  styleUrl: '../client-form.scss',
})
export class LoonwaardeDialog {
  private readonly payroll = inject(PayrollService);
  private readonly data = inject<PayrollDialogData>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    assessedOn: new FormControl<Date | null>(null, Validators.required),
    percentage: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, decimalValidator(0, 0, 100)],
    }),
    method: text(),
    assessedBy: text(),
  });
  protected readonly save = new DialogSave(
    this.form,
    'De loonwaarde is niet opgeslagen. Probeer het opnieuw.',
  );
  protected readonly error = fieldError;
  protected readonly today = new Date();

  protected submit(): void {
    this.save.submit(() => {
      const value = this.form.getRawValue();
      const percentage = parseDecimal(value.percentage, 0);
      if (!value.assessedOn || percentage === null) return null;
      return this.payroll.addLoonwaarde(this.data.clientId, {
        assessedOn: toIsoDate(value.assessedOn),
        percentage,
        method: value.method.trim(),
        assessedBy: value.assessedBy.trim(),
      });
    });
  }
}
