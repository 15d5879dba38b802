import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

/**
 * The "from / to and including" pair of date filters. Place it inside the parent's
 * `<form [formGroup]>`, whose group has `from` and `to` controls of `Date | null`: the fields bind
 * to those with `formControlName`, so they belong to the parent's form exactly as if they were
 * written in its template. Each date limits the other, and the errors say which way round is wrong.
 * `periodChange` fires when a date is picked or typed and on Enter in either field.
 */
@Component({
  selector: 'wp-period-fields',
  imports: [
    ReactiveFormsModule,
    // The parts, not MatDatepickerModule: the module provides its own English MatDatepickerIntl,
    // which in a lazy route would shadow the Dutch one of provideDutchDates().
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
  ],
  // formControlName looks for its group on its host only; hand it the parent's form.
  viewProviders: [
    { provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) },
  ],
  // Eager, as the fields were when they stood in the parent's template: the [min]/[max] bindings
  // and the error state then follow a reset, a patch from the URL or a submit of the parent form.
  changeDetection: ChangeDetectionStrategy.Eager,
  // The two fields take part in the parent's flex layout as if there were no wrapper.
  styles: ':host { display: contents; }',
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ fromLabel() }}</mat-label>
      <input
        matInput
        [matDatepicker]="fromPicker"
        formControlName="from"
        [max]="control('to')?.value"
        (dateChange)="periodChange.emit()"
        (keydown.enter)="periodChange.emit()"
        autocomplete="off"
      />
      <mat-hint>dd-mm-jjjj</mat-hint>
      <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
      <mat-datepicker #fromPicker />
      <mat-error>
        {{
          control('from')?.hasError('matDatepickerMax')
            ? 'De begindatum ligt na de einddatum.'
            : 'Vul een bestaande datum in als dd-mm-jjjj.'
        }}
      </mat-error>
    </mat-form-field>

    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ toLabel() }}</mat-label>
      <input
        matInput
        [matDatepicker]="toPicker"
        formControlName="to"
        [min]="control('from')?.value"
        (dateChange)="periodChange.emit()"
        (keydown.enter)="periodChange.emit()"
        autocomplete="off"
      />
      <mat-hint>dd-mm-jjjj</mat-hint>
      <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
      <mat-datepicker #toPicker />
      <mat-error>
        {{
          control('to')?.hasError('matDatepickerMin')
            ? 'De einddatum ligt vóór de begindatum.'
            : 'Vul een bestaande datum in als dd-mm-jjjj.'
        }}
      </mat-error>
    </mat-form-field>
  `,
})
export class PeriodFields {
  readonly fromLabel = input('Vanaf');
  readonly toLabel = input('Tot en met');
  readonly periodChange = output<void>();

  private readonly container = inject(ControlContainer);

  protected control(name: 'from' | 'to') {
    return this.container.control?.get(name) ?? null;
  }
}
