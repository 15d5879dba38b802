import { DatePipe, DecimalPipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal, type Type } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type EmploymentView, LKS_STATUS_LABELS, type PayrollFile } from '@werkpad/shared';
import { PayrollService } from '../services/payroll.service';
import { formatCents } from './money';
import { AbsenceDialog } from './payroll/absence-dialog';
import { EmploymentDialog } from './payroll/employment-dialog';
import { HoursDialog } from './payroll/hours-dialog';
import { LksDialog } from './payroll/lks-dialog';
import { LoonwaardeDialog } from './payroll/loonwaarde-dialog';
import type { PayrollDialogData } from './payroll/payroll-form';

/** The dialogs of the Loon tab, with the message shown once one has saved. */
const DIALOGS = {
  employment: { component: EmploymentDialog, saved: 'Dienstverband opgeslagen' },
  hours: { component: HoursDialog, saved: 'Uren opgeslagen' },
  absence: { component: AbsenceDialog, saved: 'Verzuim opgeslagen' },
  loonwaarde: { component: LoonwaardeDialog, saved: 'Loonwaarde opgeslagen' },
  lks: { component: LksDialog, saved: 'Aanvraag loonkostensubsidie opgeslagen' },
} satisfies Record<string, { component: Type<unknown>; saved: string }>;

export type PayrollDialogKind = keyof typeof DIALOGS;

/** The payroll part of the file (category `payroll`); payroll staff add to it (`update` payroll). */
@Component({
  selector: 'wp-client-payroll',
  imports: [DatePipe, DecimalPipe, NgTemplateOutlet, MatButtonModule, MatIconModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-payroll.html',
  styleUrl: './client-tabs.scss',
})
export class ClientPayroll {
  private readonly payrollService = inject(PayrollService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly clientId = input.required<string>();
  /** Whether the user may add payroll records; the API checks again. */
  readonly canEdit = input(false);

  protected readonly payroll = signal<PayrollFile | null>(null);
  protected readonly failed = signal(false);
  protected readonly lksLabels = LKS_STATUS_LABELS;
  protected readonly money = formatCents;

  constructor() {
    effect(() => this.load(this.clientId()));
  }

  protected employer(employmentId: string): string {
    const employment: EmploymentView | undefined = this.payroll()?.employments.find(
      (e) => e.id === employmentId,
    );
    return employment ? employment.employerName : 'Onbekend dienstverband';
  }

  protected add(kind: PayrollDialogKind): void {
    const { component, saved } = DIALOGS[kind];
    const data: PayrollDialogData = {
      clientId: this.clientId(),
      employments: this.payroll()?.employments ?? [],
    };
    this.dialog
      .open<unknown, PayrollDialogData, unknown>(component, { data, width: '640px' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.snackBar.open(saved, 'Sluiten', { duration: 5000 });
        this.load(this.clientId());
      });
  }

  private load(clientId: string): void {
    this.failed.set(false);
    this.payrollService.file(clientId).subscribe({
      next: (payroll) => this.payroll.set(payroll),
      error: () => this.failed.set(true),
    });
  }
}
