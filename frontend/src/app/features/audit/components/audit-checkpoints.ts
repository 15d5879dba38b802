import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { AuditCheckpointView } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDateTime } from '../../../shared/dutch-dates';
import { AuditService } from '../services/audit.service';

/** Enough of the head hash to compare by eye; the whole hash is in the title and for screen readers. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

/**
 * The signed checkpoints of the audit chain (R-AUD-02, BIO2 8.15), kept outside the database: a
 * later change of the chain no longer matches its checkpoint, even if every hash was recomputed.
 */
@Component({
  selector: 'wp-audit-checkpoints',
  imports: [DecimalPipe, MatButtonModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>Controlepunten</h2>
    <p>
      Een controlepunt legt de stand van de keten vast met een digitale handtekening, in een bestand buiten de
      database. Wie de keten later herschrijft, kan het controlepunt niet nabootsen.
    </p>
    <button mat-stroked-button type="button" (click)="create()">Controlepunt vastleggen</button>

    <div class="result" role="status">
      @if (message(); as message) {
        <div class="alert alert--success">{{ message }}</div>
      }
    </div>
    @if (error(); as error) {
      <div class="alert alert--error" role="alert">{{ error }}</div>
    }

    <div class="table-container" role="region" aria-label="Controlepunten" tabindex="0">
      <table mat-table [dataSource]="checkpoints()">
        <caption class="cdk-visually-hidden">
          Controlepunten, nieuwste eerst
        </caption>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef scope="col">Tijd</th>
          <td mat-cell *matCellDef="let c" class="nowrap">{{ dateTime(c.createdAt) }}</td>
        </ng-container>
        <ng-container matColumnDef="seq">
          <th mat-header-cell *matHeaderCellDef scope="col">Volgnummer</th>
          <td mat-cell *matCellDef="let c">{{ c.seq }}</td>
        </ng-container>
        <ng-container matColumnDef="rowCount">
          <th mat-header-cell *matHeaderCellDef scope="col">Aantal rijen</th>
          <td mat-cell *matCellDef="let c">{{ c.rowCount | number }}</td>
        </ng-container>
        <ng-container matColumnDef="headHash">
          <th mat-header-cell *matHeaderCellDef scope="col">Kop-hash</th>
          <td mat-cell *matCellDef="let c">
            <code class="hash" [attr.title]="c.headHash"
              ><span aria-hidden="true">{{ short(c.headHash) }}</span
              ><span class="cdk-visually-hidden">{{ c.headHash }}</span></code
            >
          </td>
        </ng-container>
        <ng-container matColumnDef="keyId">
          <th mat-header-cell *matHeaderCellDef scope="col">Sleutel-id</th>
          <td mat-cell *matCellDef="let c">
            <code>{{ c.keyId }}</code>
          </td>
        </ng-container>
        <ng-container matColumnDef="location">
          <th mat-header-cell *matHeaderCellDef scope="col">Bestandsnaam</th>
          <td mat-cell *matCellDef="let c">
            <code>{{ c.location }}</code>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty-state" [attr.colspan]="columns.length">
            {{ loaded() ? 'Er is nog geen controlepunt vastgelegd.' : 'Controlepunten worden geladen…' }}
          </td>
        </tr>
      </table>
    </div>
  `,
  styles: `
    .result {
      margin-top: 16px;
    }
    .table-container {
      margin-top: 16px;
      overflow-x: auto;
    }
    .table-container:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class AuditCheckpoints {
  private readonly audit = inject(AuditService);
  /** A new checkpoint was made: the page checks the chain against it again. */
  readonly created = output<AuditCheckpointView>();

  protected readonly checkpoints = signal<readonly AuditCheckpointView[]>([]);
  protected readonly loaded = signal(false);
  protected readonly creating = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly columns = ['createdAt', 'seq', 'rowCount', 'headHash', 'keyId', 'location'];
  protected readonly dateTime = dutchDateTime;
  protected readonly short = shortHash;

  constructor() {
    this.load();
  }

  private load(): void {
    this.audit.checkpoints().subscribe({
      next: (checkpoints) => {
        this.checkpoints.set(checkpoints);
        this.loaded.set(true);
      },
      error: (error: unknown) => {
        this.loaded.set(true);
        this.error.set(apiErrorMessage(error, 'De controlepunten konden niet worden geladen.'));
      },
    });
  }

  protected create(): void {
    if (this.creating()) return;
    this.creating.set(true);
    this.message.set(null);
    this.error.set(null);
    this.audit.createCheckpoint().subscribe({
      next: (checkpoint) => {
        this.creating.set(false);
        this.message.set(
          `Controlepunt vastgelegd bij gebeurtenis ${checkpoint.seq} (${checkpoint.location}).`,
        );
        this.checkpoints.update((checkpoints) => [checkpoint, ...checkpoints]);
        this.created.emit(checkpoint);
      },
      error: (error: unknown) => {
        this.creating.set(false);
        this.error.set(apiErrorMessage(error, 'Het controlepunt is niet vastgelegd. Probeer het opnieuw.'));
      },
    });
  }
}
