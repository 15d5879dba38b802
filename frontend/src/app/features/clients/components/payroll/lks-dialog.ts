import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { LKS_STATUS_LABELS, LKS_STATUSES, type LksStatus } from '@werkpad/shared';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { PayrollService } from '../../services/payroll.service';
import { parseEuros } from '../money';
import { DateField } from './date-field';
import { PayrollDialogFrame } from './payroll-dialog-frame';
import { DialogSave, eurosValidator, fieldError, optionalIso, type PayrollDialogData } from './payroll-form';

/** Records an application for loonkostensubsidie: when, for which period, its status and amount. */
@Component({
  selector: 'wp-lks-dialog',
  imports: [
    ReactiveFormsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    DateField,
    PayrollDialogFrame,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lks-dialog.html',
  styleUrl: '../client-form.scss',
})
export class LksDialog {
  private readonly payroll = inject(PayrollService);
  private readonly data = inject<PayrollDialogData>(MAT_DIALOG_DATA);

  protected readonly statuses = LKS_STATUSES;
  protected readonly statusLabels = LKS_STATUS_LABELS;
  protected readonly today = new Date();
  protected readonly form = new FormGroup({
    appliedOn: new FormControl<Date | null>(new Date(), Validators.required),
    periodStart: new FormControl<Date | null>(null, Validators.required),
    periodEnd: new FormControl<Date | null>(null),
    status: new FormControl<LksStatus>('aangevraagd', { nonNullable: true }),
    amountCents: new FormControl('', { nonNullable: true, validators: [eurosValidator] }),
  });
  protected readonly save = new DialogSave(
    this.form,
    'De aanvraag loonkostensubsidie is niet opgeslagen. Probeer het opnieuw.',
  );
  protected readonly periodStart = toSignal(this.form.controls.periodStart.valueChanges, {
    initialValue: null,
  });
  protected readonly error = fieldError;

  protected submit(): void {
    this.save.submit(() => {
      const value = this.form.getRawValue();
      if (!value.appliedOn || !value.periodStart) return null;
      return this.payroll.addLksApplication(this.data.clientId, {
        appliedOn: toIsoDate(value.appliedOn),
        periodStart: toIsoDate(value.periodStart),
        periodEnd: optionalIso(value.periodEnd),
        status: value.status,
        amountCents: value.amountCents.trim() === '' ? null : parseEuros(value.amountCents),
      });
    });
  }
}
