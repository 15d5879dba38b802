import { ChangeDetectionStrategy, Component, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type {
  AccessLogEntry,
  AuditAction,
  AuditGroundKind,
  AuditResult,
  DataCategory,
  Role,
} from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { toIsoDate } from '../../../shared/dutch-dates';
import { DutchPaginatorIntl } from '../../../shared/dutch-paginator-intl';
import { PAGE_SIZE_OPTIONS, PagedList } from '../../../shared/paged-list';
import { PeriodFields } from '../../../shared/period-fields';
import {
  ACCESS_LOG_COUNT_CAP,
  actionLabel,
  actionOptions,
  categoryLabels,
  categoryOptions,
  countLabel,
  dutchDateTime,
  groundKindOptions,
  groundLabel,
  isUuid,
  resultLabel,
  resultOptions,
  roleLabels,
  roleOptions,
  shortId,
} from '../fg-labels';
import { type AccessLogFilter, type ExportFormat, FgService, saveFile } from '../services/fg.service';

/** The paginator's range with the log's capped total: "1 – 20 van 10.000+". */
@Injectable()
export class AccessLogPaginatorIntl extends DutchPaginatorIntl {
  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return `0 van ${length}`;
    const start = page * pageSize;
    const end = Math.min(start + pageSize, Math.min(length, ACCESS_LOG_COUNT_CAP));
    return `${start + 1} – ${Math.max(end, start + 1)} van ${countLabel(length)}`;
  };
}

function uuidOrEmpty(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value === '' || isUuid(value) ? null : { uuid: true };
}

/**
 * The FG's search of the access log (R-AUD-03, NEN 7513): metadata only. Every search is itself
 * logged by the API, so the list asks only when the FG presses "Zoeken" (or pages, or re-sorts),
 * never while a filter is half filled in.
 */
@Component({
  selector: 'wp-access-log-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    PeriodFields,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: AccessLogPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './access-log-page.html',
  styleUrl: './fg-page.scss',
})
export class AccessLogPage {
  private readonly fg = inject(FgService);

  protected readonly filters = new FormGroup({
    clientId: new FormControl('', { nonNullable: true, validators: uuidOrEmpty }),
    userId: new FormControl('', { nonNullable: true, validators: uuidOrEmpty }),
    role: new FormControl<Role | null>(null),
    action: new FormControl<AuditAction | null>(null),
    category: new FormControl<DataCategory | null>(null),
    result: new FormControl<AuditResult | null>(null),
    groundKind: new FormControl<AuditGroundKind | null>(null),
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });
  protected readonly order = signal<'desc' | 'asc'>('desc');
  /** The filter last searched with: paging and exports keep it while the form is being changed. */
  private readonly applied = signal<AccessLogFilter>({});

  protected readonly list = new PagedList<AccessLogEntry>((request) =>
    this.fg.accessLog({
      ...this.applied(),
      order: this.order(),
      page: request.page,
      pageSize: request.pageSize,
    }),
  );
  protected readonly columns = [
    'occurredAt',
    'user',
    'roles',
    'action',
    'categories',
    'result',
    'ground',
    'emergency',
    'clients',
  ];
  protected readonly pageSizeOptions = [...PAGE_SIZE_OPTIONS];
  protected readonly options = {
    role: roleOptions(),
    action: actionOptions(),
    category: categoryOptions(),
    result: resultOptions(),
    groundKind: groundKindOptions(),
  };
  protected readonly label = {
    action: actionLabel,
    categories: categoryLabels,
    count: countLabel,
    dateTime: dutchDateTime,
    ground: groundLabel,
    result: resultLabel,
    roles: roleLabels,
    shortId,
  };
  protected readonly cap = ACCESS_LOG_COUNT_CAP;
  protected readonly exporting = signal<ExportFormat | null>(null);
  protected readonly exportError = signal<string | null>(null);

  constructor() {
    // A link from elsewhere in the workplace may open the log filtered on a client or a user.
    inject(ActivatedRoute)
      .queryParamMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        const clientId = params.get('clientId') ?? '';
        const userId = params.get('userId') ?? '';
        this.filters.patchValue({
          clientId: isUuid(clientId) ? clientId : '',
          userId: isUuid(userId) ? userId : '',
        });
        this.search();
      });
  }

  /** True when some filter narrows the list, so the empty state can say why it is empty. */
  protected filtered(): boolean {
    return Object.keys(this.applied()).length > 0;
  }

  protected search(): void {
    if (this.filters.invalid) {
      this.filters.markAllAsTouched();
      return;
    }
    const value = this.filters.getRawValue();
    const clientId = value.clientId.trim();
    const userId = value.userId.trim();
    this.applied.set({
      ...(clientId ? { clientId } : {}),
      ...(userId ? { userId } : {}),
      ...(value.role ? { role: value.role } : {}),
      ...(value.action ? { action: value.action } : {}),
      ...(value.category ? { category: value.category } : {}),
      ...(value.result ? { result: value.result } : {}),
      ...(value.groundKind ? { groundKind: value.groundKind } : {}),
      ...(value.from ? { from: toIsoDate(value.from) } : {}),
      ...(value.to ? { to: toIsoDate(value.to) } : {}),
    });
    this.list.restart();
  }

  protected clear(): void {
    this.filters.reset();
    this.search();
  }

  protected sort(order: 'desc' | 'asc'): void {
    this.order.set(order);
    this.list.restart();
  }

  /** Narrows the search to one user: the log names users, the filter needs their id. */
  protected filterOnUser(userId: string): void {
    this.filters.controls.userId.setValue(userId);
    this.search();
  }

  protected export(format: ExportFormat): void {
    if (this.exporting()) return;
    this.exporting.set(format);
    this.exportError.set(null);
    this.fg.exportAccessLog(format, { ...this.applied(), order: this.order() }).subscribe({
      next: (file) => {
        saveFile(file);
        this.exporting.set(null);
      },
      error: (error: unknown) => {
        this.exportError.set(apiErrorMessage(error, 'De export is mislukt. Probeer het opnieuw.'));
        this.exporting.set(null);
      },
    });
  }
}
