import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { toIsoDate } from '../../../../shared/dutch-dates';
import { PayrollService } from '../../services/payroll.service';
import { DateField } from './date-field';
import { defaultEmployment, EmploymentSelect } from './employment-select';
import { PayrollDialogFrame } from './payroll-dialog-frame';
import { DialogSave, optionalIso, type PayrollDialogData } from './payroll-form';

/** Records an absence episode: the dates only. There is deliberately no reason field (R-MED-01). */
@Component({
  selector: 'wp-absence-dialog',
  imports: [MatIconModule, DateField, EmploymentSelect, PayrollDialogFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-payroll-dialog-frame heading="Verzuim toevoegen" [form]="form" [save]="save" (submitted)="submit()">
      <div intro class="alert alert--info" role="note">
        <mat-icon aria-hidden="true">info</mat-icon>
        <span>Geen reden vastleggen: die is medisch (R-MED-01). Alleen de data.</span>
      </div>
      <wp-employment-select [control]="form.controls.employmentId" [employments]="data.employments" />
      <wp-date-field label="Eerste verzuimdag" [control]="form.controls.firstDay" />
      <wp-date-field
        label="Laatste verzuimdag"
        hint="dd-mm-jjjj; leeg zolang de medewerker niet hersteld is"
        [control]="form.controls.lastDay"
        [min]="firstDay()"
        minMessage="De laatste verzuimdag kan niet vóór de eerste liggen."
      />
    </wp-payroll-dialog-frame>
  `,
  styleUrl: '../client-form.scss',
})
export class AbsenceDialog {
  private readonly payroll = inject(PayrollService);
  protected readonly data = inject<PayrollDialogData>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    employmentId: new FormControl<string | null>(
      defaultEmployment(this.data.employments),
      Validators.required,
    ),
    firstDay: new FormControl<Date | null>(null, Validators.required),
    lastDay: new FormControl<Date | null>(null),
  });
  protected readonly save = new DialogSave(this.form, 'Het verzuim is niet opgeslagen. Probeer het opnieuw.');
  protected readonly firstDay = toSignal(this.form.controls.firstDay.valueChanges, { initialValue: null });

  protected submit(): void {
    this.save.submit(() => {
      const { employmentId, firstDay, lastDay } = this.form.getRawValue();
      if (!employmentId || !firstDay) return null;
      return this.payroll.addAbsence(this.data.clientId, employmentId, {
        firstDay: toIsoDate(firstDay),
        lastDay: optionalIso(lastDay),
      });
    });
  }
}
