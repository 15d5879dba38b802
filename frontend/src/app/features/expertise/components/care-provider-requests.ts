import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  CARE_PROVIDER_KIND_LABELS,
  type CareProviderKind,
  type CareProviderRequestView,
} from '@werkpad/shared';
import { dutchDate } from '../../../shared/dutch-dates';
import { MedicalService } from '../services/medical.service';
import {
  CareProviderRequestDialog,
  type CareProviderRequestDialogData,
} from './care-provider-request-dialog';
import { MedicalMarker } from './medical-marker';
import { recordConsent } from './record-consent';

/** R-MED-04: the data requests to GPs and other care providers of one arbeidsdiagnose. */
@Component({
  selector: 'wp-care-provider-requests',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, MedicalMarker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-medical-marker />
    <div class="tab-header">
      <h2>Gegevensaanvragen</h2>
      @if (canEdit()) {
        <button mat-flat-button type="button" (click)="add()">
          <mat-icon aria-hidden="true">add</mat-icon>
          Aanvraag registreren
        </button>
      }
    </div>
    <p class="meta">
      Gegevens opvragen bij een huisarts of andere zorgverlener mag alleen met schriftelijke toestemming van
      de cliënt (R-MED-04).
    </p>
    @if (!consentValid()) {
      <div class="alert alert--info" role="note">
        <div>
          Er is nu geen geldige schriftelijke toestemming voor het opvragen van gegevens bij een zorgverlener.
          @if (canEdit()) {
            <button mat-stroked-button type="button" class="inline-button" (click)="consent()">
              Toestemming vastleggen
            </button>
          }
        </div>
      </div>
    }
    @if (failed()) {
      <div class="alert alert--error" role="alert">
        De gegevensaanvragen konden niet worden geladen. Probeer het opnieuw.
      </div>
    }
    <div class="table-container" role="region" aria-label="Gegevensaanvragen" tabindex="0">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Gegevensaanvragen worden geladen" />
      }
      <table mat-table [dataSource]="requests()">
        <caption class="cdk-visually-hidden">
          Gegevensaanvragen bij zorgverleners
        </caption>
        <ng-container matColumnDef="requestedOn">
          <th mat-header-cell *matHeaderCellDef scope="col">Aangevraagd op</th>
          <td mat-cell *matCellDef="let r" class="nowrap">{{ date(r.requestedOn) }}</td>
        </ng-container>
        <ng-container matColumnDef="providerKind">
          <th mat-header-cell *matHeaderCellDef scope="col">Soort</th>
          <td mat-cell *matCellDef="let r">{{ kindLabel(r.providerKind) }}</td>
        </ng-container>
        <ng-container matColumnDef="provider">
          <th mat-header-cell *matHeaderCellDef scope="col">Zorgverlener</th>
          <td mat-cell *matCellDef="let r">{{ r.provider }}</td>
        </ng-container>
        <ng-container matColumnDef="requestedBy">
          <th mat-header-cell *matHeaderCellDef scope="col">Aangevraagd door</th>
          <td mat-cell *matCellDef="let r">{{ r.requestedByName }}</td>
        </ng-container>
        <ng-container matColumnDef="question">
          <th mat-header-cell *matHeaderCellDef scope="col">Vraag</th>
          <td mat-cell *matCellDef="let r" class="wrap">{{ r.question }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty-state" [attr.colspan]="columns.length">
            {{
              loading()
                ? 'Gegevensaanvragen worden geladen…'
                : 'Er zijn nog geen gegevensaanvragen geregistreerd.'
            }}
          </td>
        </tr>
      </table>
    </div>
  `,
  styleUrl: './expertise-tab.scss',
  styles: `
    .inline-button {
      margin-left: 8px;
    }
  `,
})
export class CareProviderRequests {
  private readonly medical = inject(MedicalService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly trajectoryId = input.required<string>();
  readonly clientId = input.required<string>();
  /** Requests can be registered only while the trajectory is open. */
  readonly canEdit = input(false);
  /** Whether the workspace knows of a valid gp_data_request consent (the API decides in the end). */
  readonly consentValid = input(false);
  /** A consent was recorded from here: the workspace reloads its consent status. */
  readonly consentRecorded = output<void>();

  protected readonly requests = signal<readonly CareProviderRequestView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly columns = ['requestedOn', 'providerKind', 'provider', 'requestedBy', 'question'];
  protected readonly date = dutchDate;

  constructor() {
    effect(() => this.load(this.trajectoryId()));
  }

  protected kindLabel(kind: CareProviderKind): string {
    return CARE_PROVIDER_KIND_LABELS[kind];
  }

  protected consent(): void {
    recordConsent(this.dialog, this.clientId(), 'gp_data_request').subscribe((consent) => {
      if (!consent) return;
      this.snackBar.open('Toestemming vastgelegd', 'Sluiten', { duration: 5000 });
      this.consentRecorded.emit();
    });
  }

  protected add(): void {
    const data: CareProviderRequestDialogData = {
      trajectoryId: this.trajectoryId(),
      clientId: this.clientId(),
      consentRecorded: () => this.consentRecorded.emit(),
    };
    this.dialog
      .open<CareProviderRequestDialog, CareProviderRequestDialogData, CareProviderRequestView>(
        CareProviderRequestDialog,
        { data, width: '720px' },
      )
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.snackBar.open('Aanvraag geregistreerd', 'Sluiten', { duration: 5000 });
        this.load(this.trajectoryId());
      });
  }

  private load(trajectoryId: string): void {
    this.loading.set(true);
    this.failed.set(false);
    this.medical.careProviderRequests(trajectoryId).subscribe({
      next: (requests) => {
        this.requests.set(requests);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }
}
