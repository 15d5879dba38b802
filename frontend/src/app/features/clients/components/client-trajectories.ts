import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  DATA_CATEGORY_LABELS,
  type DataCategory,
  destructionDate,
  REPORTING_FORM_LABELS,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryView,
} from '@werkpad/shared';
import { filter, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../../core/http/api-error';
import { ConfirmDialog, type ConfirmDialogData } from '../../../shared/confirm-dialog';
import { DatePromptDialog, type DatePromptData } from '../../../shared/date-prompt-dialog';
import { todayIso } from '../../../shared/dutch-dates';
import { ClientFileService } from '../services/file.service';
import { DiagnosisOutcomePanel } from './expertise/diagnosis-outcome-panel';
import { FunctionalCapabilities } from './expertise/functional-capabilities';
import { TrajectoryFormDialog, type TrajectoryFormDialogData } from './trajectory-form-dialog';

function dutch(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}

/** The client's trajectories with their legal basis, status and (once closed) destruction date. */
@Component({
  selector: 'wp-client-trajectories',
  imports: [
    DatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatTableModule,
    DiagnosisOutcomePanel,
    FunctionalCapabilities,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-trajectories.html',
  styleUrl: './client-tabs.scss',
})
export class ClientTrajectories {
  private readonly files = inject(ClientFileService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly clientId = input.required<string>();
  /** Whether the user may start, close and reopen trajectories (coach of this client). */
  readonly canManage = input(false);
  /** The categories of this file the user may read (`readableCategories`). */
  readonly categories = input<readonly DataCategory[]>([]);
  /** Whether the user may record functional capabilities (R-MED-05). */
  readonly canAddCapability = input(false);
  readonly changed = output<void>();

  protected readonly trajectories = signal<readonly TrajectoryView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly columns = [
    'type',
    'legalBasis',
    'status',
    'startDate',
    'closedOn',
    'destructionDate',
    'reporting',
    'actions',
  ];

  /** R-MED-02: coach and income consultant see the final outcome of each arbeidsdiagnose. */
  protected readonly showOutcomes = computed(() => this.categories().includes('diagnosis_outcome'));
  protected readonly arbeidsdiagnoses = computed(() =>
    this.trajectories().filter((trajectory) => trajectory.type === 'arbeidsdiagnose'),
  );
  protected readonly showCapabilities = computed(() => this.categories().includes('health_functional'));

  constructor() {
    effect(() => this.load(this.clientId()));
  }

  protected outcomeTitle(trajectory: TrajectoryView): string {
    return `Arbeidsdiagnose van ${dutch(trajectory.startDate)}${trajectory.status === 'open' ? ' (open)' : ''}`;
  }

  protected typeLabel(trajectory: TrajectoryView): string {
    return TRAJECTORY_TYPE_RULES[trajectory.type].label;
  }

  protected formLabel(trajectory: TrajectoryView): string {
    return REPORTING_FORM_LABELS[trajectory.reportingAgreement.form];
  }

  protected reportingCategories(trajectory: TrajectoryView): string {
    return trajectory.reportingAgreement.categories
      .map((category) => DATA_CATEGORY_LABELS[category])
      .join(', ');
  }

  protected create(): void {
    this.dialog
      .open<TrajectoryFormDialog, TrajectoryFormDialogData, TrajectoryView>(TrajectoryFormDialog, {
        data: { clientId: this.clientId() },
        width: '760px',
      })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.snackBar.open('Traject gestart', 'Sluiten', { duration: 5000 });
        this.afterChange();
      });
  }

  /** Closing starts the retention period, so it asks for the date and then for a second "yes". */
  protected close(trajectory: TrajectoryView): void {
    const label = TRAJECTORY_TYPE_RULES[trajectory.type].label;
    const data: DatePromptData = {
      title: 'Traject afsluiten',
      message: `Op welke datum is het traject "${label}" afgesloten?`,
      label: 'Afgesloten op',
      confirmLabel: 'Verder',
      initial: todayIso(),
      min: trajectory.startDate,
      max: todayIso(),
    };
    this.dialog
      .open<DatePromptDialog, DatePromptData, string>(DatePromptDialog, { data, width: '480px' })
      .afterClosed()
      .pipe(
        filter((closedOn): closedOn is string => typeof closedOn === 'string'),
        switchMap((closedOn) => {
          const due = destructionDate(trajectory.type, closedOn);
          const confirm: ConfirmDialogData = {
            title: 'Traject afsluiten?',
            message:
              `Het traject "${label}" wordt afgesloten per ${dutch(closedOn)}. ` +
              `De gegevens worden vernietigd op ${due ? dutch(due) : 'de vernietigingsdatum'}. Weet u het zeker?`,
            confirmLabel: 'Afsluiten',
          };
          return this.dialog
            .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
              data: confirm,
              role: 'alertdialog',
            })
            .afterClosed()
            .pipe(
              filter((confirmed) => confirmed === true),
              switchMap(() => this.files.closeTrajectory(this.clientId(), trajectory.id, closedOn)),
            );
        }),
      )
      .subscribe({
        next: () => {
          this.snackBar.open('Traject afgesloten', 'Sluiten', { duration: 5000 });
          this.afterChange();
        },
        error: (error: unknown) =>
          this.actionError.set(
            apiErrorMessage(error, 'Het traject is niet afgesloten. Probeer het opnieuw.'),
          ),
      });
  }

  protected reopen(trajectory: TrajectoryView): void {
    const data: ConfirmDialogData = {
      title: 'Traject heropenen?',
      message: `Het traject "${TRAJECTORY_TYPE_RULES[trajectory.type].label}" wordt weer open; de vernietigingsdatum vervalt.`,
      confirmLabel: 'Heropenen',
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, role: 'alertdialog' })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.files.reopenTrajectory(this.clientId(), trajectory.id)),
      )
      .subscribe({
        next: () => {
          this.snackBar.open('Traject heropend', 'Sluiten', { duration: 5000 });
          this.afterChange();
        },
        error: (error: unknown) =>
          this.actionError.set(apiErrorMessage(error, 'Het traject is niet heropend. Probeer het opnieuw.')),
      });
  }

  private afterChange(): void {
    this.actionError.set(null);
    this.load(this.clientId());
    this.changed.emit();
  }

  private load(clientId: string): void {
    this.loading.set(true);
    this.failed.set(false);
    this.files.trajectories(clientId).subscribe({
      next: (trajectories) => {
        this.trajectories.set(trajectories);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }
}
