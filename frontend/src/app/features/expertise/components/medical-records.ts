import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MEDICAL_RECORD_KIND_LABELS, type MedicalRecordKind, type MedicalRecordView } from '@werkpad/shared';
import { dutchDate } from '../../../shared/dutch-dates';
import { MedicalService } from '../services/medical.service';
import { MedicalMarker } from './medical-marker';
import { MedicalRecordDialog, type MedicalRecordDialogData } from './medical-record-dialog';

/** The medical file of one arbeidsdiagnose (R-MED-01): only the assigned expertise user sees it. */
@Component({
  selector: 'wp-medical-records',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule, MedicalMarker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <wp-medical-marker />
    <div class="tab-header">
      <h2>Medisch dossier</h2>
      @if (canEdit()) {
        <button mat-flat-button type="button" (click)="add()">
          <mat-icon aria-hidden="true">add</mat-icon>
          Medisch gegeven toevoegen
        </button>
      }
    </div>
    @if (!canEdit()) {
      <p class="meta">Het onderzoek is afgesloten: de medische gegevens zijn alleen nog te lezen.</p>
    }
    @if (failed()) {
      <div class="alert alert--error" role="alert">
        Het medisch dossier kon niet worden geladen. Probeer het opnieuw.
      </div>
    }
    <div class="table-container" role="region" aria-label="Medische gegevens" tabindex="0">
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Medische gegevens worden geladen" />
      }
      <table mat-table [dataSource]="records()">
        <caption class="cdk-visually-hidden">
          Medische gegevens van dit onderzoek, nieuwste eerst
        </caption>
        <ng-container matColumnDef="recordedOn">
          <th mat-header-cell *matHeaderCellDef scope="col">Datum</th>
          <td mat-cell *matCellDef="let r" class="nowrap">{{ date(r.recordedOn) }}</td>
        </ng-container>
        <ng-container matColumnDef="kind">
          <th mat-header-cell *matHeaderCellDef scope="col">Soort</th>
          <td mat-cell *matCellDef="let r">{{ kindLabel(r.kind) }}</td>
        </ng-container>
        <ng-container matColumnDef="title">
          <th mat-header-cell *matHeaderCellDef scope="col">Titel</th>
          <td mat-cell *matCellDef="let r">{{ r.title }}</td>
        </ng-container>
        <ng-container matColumnDef="version">
          <th mat-header-cell *matHeaderCellDef scope="col">Versie</th>
          <td mat-cell *matCellDef="let r">{{ r.version }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col">
            <span class="cdk-visually-hidden">Acties</span>
          </th>
          <td mat-cell *matCellDef="let r" class="nowrap">
            <button mat-button type="button" (click)="open(r)">
              Bekijken<span class="cdk-visually-hidden"> {{ r.title }}</span>
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty-state" [attr.colspan]="columns.length">
            {{
              loading()
                ? 'Medische gegevens worden geladen…'
                : 'Er zijn nog geen medische gegevens vastgelegd.'
            }}
          </td>
        </tr>
      </table>
    </div>
  `,
  styleUrl: './expertise-tab.scss',
})
export class MedicalRecords {
  private readonly medical = inject(MedicalService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly trajectoryId = input.required<string>();
  /** Records can be added and changed only while the trajectory is open (the database agrees). */
  readonly canEdit = input(false);

  protected readonly records = signal<readonly MedicalRecordView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly columns = ['recordedOn', 'kind', 'title', 'version', 'actions'];
  protected readonly date = dutchDate;

  constructor() {
    effect(() => this.load(this.trajectoryId()));
  }

  protected kindLabel(kind: MedicalRecordKind): string {
    return MEDICAL_RECORD_KIND_LABELS[kind];
  }

  protected add(): void {
    this.openDialog({ trajectoryId: this.trajectoryId(), canEdit: true }, 'Medisch gegeven vastgelegd');
  }

  protected open(record: MedicalRecordView): void {
    this.openDialog(
      { trajectoryId: this.trajectoryId(), recordId: record.id, canEdit: this.canEdit() },
      'Medisch gegeven gewijzigd',
    );
  }

  private openDialog(data: MedicalRecordDialogData, done: string): void {
    this.dialog
      .open<MedicalRecordDialog, MedicalRecordDialogData, MedicalRecordView>(MedicalRecordDialog, {
        data,
        width: '760px',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(done, 'Sluiten', { duration: 5000 });
        this.load(this.trajectoryId());
      });
  }

  private load(trajectoryId: string): void {
    this.loading.set(true);
    this.failed.set(false);
    this.medical.records(trajectoryId).subscribe({
      next: (records) => {
        this.records.set(records);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }
}
