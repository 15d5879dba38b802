import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { fieldError } from './payroll-form';

/** First day of the month of `date`: hours are recorded per month. */
export function firstOfMonth(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), 1);
}

/**
 * A Dutch date field (dd-mm-jjjj, with calendar) of a payroll dialog. With `month` the calendar
 * opens on the months of a year and a chosen month becomes its first day.
 */
@Component({
  selector: 'wp-date-field',
  imports: [
    ReactiveFormsModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field' },
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [matDatepicker]="picker"
        [formControl]="control()"
        [min]="min()"
        [max]="max()"
        autocomplete="off"
      />
      <mat-hint>{{ hint() }}</mat-hint>
      <mat-datepicker-toggle matIconSuffix [for]="picker" />
      <mat-datepicker
        #picker
        [startView]="month() ? 'year' : 'month'"
        (monthSelected)="pickMonth($event, picker)"
      />
      <mat-error>{{ message() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
  `,
})
export class DateField {
  readonly label = input.required<string>();
  readonly control = input.required<FormControl<Date | null>>();
  readonly hint = input('dd-mm-jjjj');
  readonly min = input<Date | null>(null);
  readonly max = input<Date | null>(null);
  /** Said when the date lies before `min` (e.g. an end before its start). */
  readonly minMessage = input('De datum ligt te vroeg.');
  readonly month = input(false);

  protected message(): string {
    const control = this.control();
    if (control.hasError('matDatepickerParse')) return 'Vul een bestaande datum in als dd-mm-jjjj.';
    if (control.hasError('matDatepickerMin')) return this.minMessage();
    if (control.hasError('matDatepickerMax')) return 'De datum kan niet in de toekomst liggen.';
    return fieldError(control, 'Vul de datum in.');
  }

  protected pickMonth(date: Date, picker: MatDatepicker<Date>): void {
    if (!this.month()) return;
    this.control().setValue(firstOfMonth(date));
    this.control().markAsDirty();
    picker.close();
  }
}
