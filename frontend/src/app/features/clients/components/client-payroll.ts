import { CurrencyPipe, DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type EmploymentView, LKS_STATUS_LABELS, type PayrollFile } from '@werkpad/shared';
import { ClientFileService } from '../services/file.service';

/** The payroll part of the file (category `payroll`): read-only here. */
@Component({
  selector: 'wp-client-payroll',
  imports: [CurrencyPipe, DatePipe, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-payroll.html',
  styleUrl: './client-tabs.scss',
})
export class ClientPayroll {
  private readonly files = inject(ClientFileService);

  readonly clientId = input.required<string>();

  protected readonly payroll = signal<PayrollFile | null>(null);
  protected readonly failed = signal(false);
  protected readonly lksLabels = LKS_STATUS_LABELS;

  constructor() {
    effect(() => {
      const clientId = this.clientId();
      this.failed.set(false);
      this.files.payroll(clientId).subscribe({
        next: (payroll) => this.payroll.set(payroll),
        error: () => this.failed.set(true),
      });
    });
  }

  protected employer(employmentId: string): string {
    const employment: EmploymentView | undefined = this.payroll()?.employments.find(
      (e) => e.id === employmentId,
    );
    return employment ? employment.employerName : 'Onbekend dienstverband';
  }

  protected euros(cents: number | null): number | null {
    return cents === null ? null : cents / 100;
  }
}
