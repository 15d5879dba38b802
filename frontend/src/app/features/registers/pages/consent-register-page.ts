import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { ConsentPurpose, ConsentRegisterEntry, ConsentRegisterQuery } from '@werkpad/shared';
import { toIsoDate } from '../../../shared/dutch-dates';
import { PAGE_SIZE_OPTIONS, PagedList } from '../../../shared/paged-list';
import { consentFormLabel, dutchDate, purposeLabel, purposeOptions } from '../register-labels';
import { RegistersService } from '../services/registers.service';

type ConsentFilter = Omit<ConsentRegisterQuery, 'page' | 'pageSize' | 'clientId'>;

/**
 * The FG's register of every consent (R-CONS-01, R-AUD-02): purpose, form, dates and whether the
 * evidence is on file. Metadata only; the API sends no client names and no dossier content.
 */
@Component({
  selector: 'wp-consent-register-page',
  imports: [
    ReactiveFormsModule,
    // The parts, not MatDatepickerModule: the module provides its own English MatDatepickerIntl,
    // which in this lazy route would shadow the Dutch one of provideDutchDates().
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './consent-register-page.html',
  styleUrl: './register-page.scss',
})
export class ConsentRegisterPage {
  private readonly registers = inject(RegistersService);

  protected readonly filters = new FormGroup({
    purpose: new FormControl<ConsentPurpose | null>(null),
    validOn: new FormControl<Date | null>(null),
  });
  /** The filter last sent: paging keeps it even while the date field holds a half-typed value. */
  private readonly applied = signal<ConsentFilter>({});

  protected readonly list = new PagedList<ConsentRegisterEntry>((request) =>
    this.registers.consents({ ...this.applied(), page: request.page, pageSize: request.pageSize }),
  );
  protected readonly columns = [
    'purpose',
    'form',
    'givenOn',
    'validUntil',
    'withdrawnOn',
    'recordedBy',
    'evidence',
  ];
  protected readonly pageSizeOptions = [...PAGE_SIZE_OPTIONS];
  protected readonly purposes = purposeOptions();
  // Functions, not lookups: table rows are untyped in the template, and a typed parameter keeps it safe.
  protected readonly label = { purpose: purposeLabel, form: consentFormLabel, date: dutchDate };

  constructor() {
    this.list.reload();
  }

  /** True when some filter narrows the list, so the empty state can say why it is empty. */
  protected filtered(): boolean {
    return Object.keys(this.applied()).length > 0;
  }

  /** Runs on a completed change (selection made, date picked or typed and confirmed). */
  protected apply(): void {
    // An unreadable date shows its error and leaves the list as it was.
    if (this.filters.invalid) return;
    const { purpose, validOn } = this.filters.getRawValue();
    this.applied.set({
      ...(purpose ? { purpose } : {}),
      ...(validOn ? { validOn: toIsoDate(validOn) } : {}),
    });
    this.list.restart();
  }
}
