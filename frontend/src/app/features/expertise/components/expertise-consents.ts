import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { ConsentPurpose, ExpertiseConsentStatus } from '@werkpad/shared';
import { dutchDate } from '../../../shared/dutch-dates';
import { consentPurposeLabel } from '../expertise-labels';
import { recordConsent } from './record-consent';

/**
 * The consents the Expertisecentrum works with (research, data requests to care providers, health data
 * to the commissioner), as valid today or missing, with the client file's dialog to record one.
 */
@Component({
  selector: 'wp-expertise-consents',
  imports: [MatButtonModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tab-header">
      <h2>Toestemmingen</h2>
    </div>
    <p class="meta">
      De toestemmingen van de cliënt die het Expertisecentrum nodig heeft. Een toestemming wordt vastgelegd
      met een verwijzing naar het ondertekende formulier.
    </p>
    <div class="table-container" role="region" aria-label="Toestemmingen" tabindex="0">
      <table mat-table [dataSource]="consents()">
        <caption class="cdk-visually-hidden">
          Toestemmingen voor het Expertisecentrum
        </caption>
        <ng-container matColumnDef="purpose">
          <th mat-header-cell *matHeaderCellDef scope="col">Doel</th>
          <td mat-cell *matCellDef="let c">{{ label(c.purpose) }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let c">
            <span [class]="c.valid ? 'status status--valid' : 'status status--missing'">
              {{ c.valid ? 'Geldig' : 'Ontbreekt' }}
            </span>
          </td>
        </ng-container>
        <ng-container matColumnDef="givenOn">
          <th mat-header-cell *matHeaderCellDef scope="col">Gegeven op</th>
          <td mat-cell *matCellDef="let c" class="nowrap">{{ date(c.givenOn) }}</td>
        </ng-container>
        <ng-container matColumnDef="recipient">
          <th mat-header-cell *matHeaderCellDef scope="col">Ontvanger</th>
          <td mat-cell *matCellDef="let c">{{ c.recipient ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col">
            <span class="cdk-visually-hidden">Acties</span>
          </th>
          <td mat-cell *matCellDef="let c" class="nowrap">
            @if (canRecord()) {
              <button mat-button type="button" (click)="record(c.purpose)">
                Toestemming vastleggen<span class="cdk-visually-hidden">: {{ label(c.purpose) }}</span>
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  styleUrl: './expertise-tab.scss',
  styles: `
    .status {
      font-weight: 500;
    }
    .status--valid {
      color: #0a5c2a;
    }
    .status--missing {
      color: var(--mat-sys-error);
    }
  `,
})
export class ExpertiseConsents {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly clientId = input.required<string>();
  readonly consents = input.required<readonly ExpertiseConsentStatus[]>();
  /** Whether the user may record consent (create 'Consent'). */
  readonly canRecord = input(false);
  readonly recorded = output<void>();

  protected readonly columns = ['purpose', 'status', 'givenOn', 'recipient', 'actions'];
  protected readonly date = dutchDate;
  protected readonly label = consentPurposeLabel;

  protected record(purpose: ConsentPurpose): void {
    recordConsent(this.dialog, this.clientId(), purpose).subscribe((consent) => {
      if (!consent) return;
      this.snackBar.open('Toestemming vastgelegd', 'Sluiten', { duration: 5000 });
      this.recorded.emit();
    });
  }
}
