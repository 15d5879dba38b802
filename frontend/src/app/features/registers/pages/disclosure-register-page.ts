import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { DisclosureRegisterQuery, DisclosureView, RecipientType } from '@werkpad/shared';
import { toIsoDate } from '../../../shared/dutch-dates';
import { PAGE_SIZE_OPTIONS, PagedList } from '../../../shared/paged-list';
import { PeriodFields } from '../../../shared/period-fields';
import {
  categoryLabels,
  dutchDateTime,
  groundLabel,
  recipientLabel,
  recipientTypeOptions,
  reviewLabel,
  shortDigest,
} from '../register-labels';
import { RegistersService } from '../services/registers.service';

type DisclosureFilter = Omit<DisclosureRegisterQuery, 'page' | 'pageSize' | 'clientId'>;

/**
 * The FG's register of every disclosure (R-SHARE-01..08, R-AUD-02): who received which categories on
 * which ground, with the digest of what was sent. Metadata only; the API sends no client names.
 */
@Component({
  selector: 'wp-disclosure-register-page',
  imports: [
    ReactiveFormsModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    PeriodFields,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './disclosure-register-page.html',
  styleUrl: './register-page.scss',
})
export class DisclosureRegisterPage {
  private readonly registers = inject(RegistersService);

  protected readonly filters = new FormGroup({
    recipientType: new FormControl<RecipientType | null>(null),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
    unreviewedReports: new FormControl(false, { nonNullable: true }),
  });
  /** The filter last sent: paging keeps it even while a date field holds a half-typed value. */
  private readonly applied = signal<DisclosureFilter>({});

  protected readonly list = new PagedList<DisclosureView>((request) =>
    this.registers.disclosures({ ...this.applied(), page: request.page, pageSize: request.pageSize }),
  );
  protected readonly columns = [
    'disclosedAt',
    'recipient',
    'categories',
    'ground',
    'rule',
    'disclosedBy',
    'digest',
    'review',
  ];
  protected readonly pageSizeOptions = [...PAGE_SIZE_OPTIONS];
  protected readonly recipientTypes = recipientTypeOptions();
  protected readonly label = {
    categories: categoryLabels,
    dateTime: dutchDateTime,
    ground: groundLabel,
    recipient: recipientLabel,
    review: reviewLabel,
    digest: shortDigest,
  };

  constructor() {
    this.list.reload();
  }

  /** True when some filter narrows the list, so the empty state can say why it is empty. */
  protected filtered(): boolean {
    return Object.keys(this.applied()).length > 0;
  }

  /** Runs on a completed change (selection, ticked box, date picked or typed and left). */
  protected apply(): void {
    // An unreadable date or a period that ends before it starts shows its error; the list stays.
    if (this.filters.invalid) return;
    const { recipientType, from, to, unreviewedReports } = this.filters.getRawValue();
    this.applied.set({
      ...(recipientType ? { recipientType } : {}),
      ...(from ? { from: toIsoDate(from) } : {}),
      ...(to ? { to: toIsoDate(to) } : {}),
      ...(unreviewedReports ? { unreviewedReports } : {}),
    });
    this.list.restart();
  }
}
