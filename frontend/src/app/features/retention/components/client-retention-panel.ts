import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import {
  type ClientRetention,
  type LegalHoldView,
  RETENTION_PART_LABELS,
  RETENTION_STATE_LABELS,
  TRAJECTORY_TYPE_RULES,
} from '@werkpad/shared';
import { filter } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDate, dutchDateTime } from '../../../shared/dutch-dates';
import { RetentionService } from '../services/retention.service';
import { ReasonDialog, type ReasonDialogData, type ReasonDialogResult } from './reason-dialog';

/**
 * The "Bewaartermijn" tab of a client file (R-RET-01..03): each trajectory's destruction date, the
 * client's (the latest, R-RET-02), and legal holds; the records manager sets and lifts holds.
 */
@Component({
  selector: 'wp-client-retention',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-retention-panel.html',
  styleUrl: './retention-tables.scss',
})
export class ClientRetentionPanel {
  readonly clientId = input.required<string>();
  private readonly retention = inject(RetentionService);
  private readonly dialog = inject(MatDialog);
  private readonly ability = inject(AuthService).ability;
  protected readonly data = signal<ClientRetention | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly date = dutchDate;
  protected readonly dateTime = dutchDateTime;
  protected readonly stateLabels = RETENTION_STATE_LABELS;
  protected readonly partLabels = RETENTION_PART_LABELS;
  protected readonly canSetHold = () => this.ability().can('create', 'LegalHold');
  protected readonly canLiftHold = () => this.ability().can('update', 'LegalHold');

  constructor() {
    effect(() => this.load(this.clientId()));
  }

  protected typeLabel(type: keyof typeof TRAJECTORY_TYPE_RULES): string {
    return TRAJECTORY_TYPE_RULES[type].label;
  }

  protected setHold(): void {
    const data: ReasonDialogData = {
      title: 'Vernietiging opschorten',
      intro:
        'Een juridische blokkade houdt het hele dossier vast, ook als het al op een goedgekeurde lijst staat.',
      hint: 'Bijvoorbeeld: bezwaarprocedure, rechtszaak, klacht. Minstens 10 tekens.',
      confirmLabel: 'Blokkade instellen',
      askUntil: true,
    };
    this.dialog
      .open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(ReasonDialog, { data })
      .afterClosed()
      .pipe(filter((result): result is ReasonDialogResult => result !== undefined))
      .subscribe(({ reason, until }) =>
        this.retention.setHold(this.clientId(), { reason, ...(until ? { until } : {}) }).subscribe({
          next: () => {
            this.message.set('De blokkade is ingesteld.');
            this.load(this.clientId());
          },
          error: (error: unknown) =>
            this.error.set(apiErrorMessage(error, 'De blokkade kon niet worden ingesteld.')),
        }),
      );
  }

  protected lift(hold: LegalHoldView): void {
    const data: ReasonDialogData = {
      title: 'Blokkade opheffen',
      intro: `Blokkade "${hold.reason}" opheffen. Daarna kan het dossier weer op een vernietigingslijst komen.`,
      confirmLabel: 'Opheffen',
    };
    this.dialog
      .open<ReasonDialog, ReasonDialogData, ReasonDialogResult>(ReasonDialog, { data })
      .afterClosed()
      .pipe(filter((result): result is ReasonDialogResult => result !== undefined))
      .subscribe(({ reason }) =>
        this.retention.liftHold(hold.id, reason).subscribe({
          next: () => {
            this.message.set('De blokkade is opgeheven.');
            this.load(this.clientId());
          },
          error: (error: unknown) => this.error.set(apiErrorMessage(error, 'Opheffen is niet gelukt.')),
        }),
      );
  }

  private load(clientId: string): void {
    this.retention.clientRetention(clientId).subscribe({
      next: (data) => this.data.set(data),
      error: (error: unknown) =>
        this.error.set(apiErrorMessage(error, 'De bewaartermijnen konden niet worden geladen.')),
    });
  }
}
