import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/** The sentence every medical screen carries (R-MED-01, R-MED-06); tests look for it verbatim. */
export const MEDICAL_MARKER_TEXT =
  'Medische gegevens — alleen voor het Expertisecentrum. Deze gegevens verlaten het Expertisecentrum nooit.';

/**
 * A banner on every screen and dialog that shows medical data, so nobody mistakes it for an
 * ordinary dossier page and copies it into a report, an e-mail or the client file.
 */
@Component({
  selector: 'wp-medical-marker',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="medical-marker" role="note" aria-label="Medische gegevens" data-testid="medical-marker">
      <mat-icon aria-hidden="true">health_and_safety</mat-icon>
      <p>
        <strong>Medische gegevens — alleen voor het Expertisecentrum.</strong>
        Deze gegevens verlaten het Expertisecentrum nooit.
      </p>
    </div>
  `,
  styles: `
    .medical-marker {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      margin: 0 0 16px;
      padding: 12px 16px;
      border: 2px solid #8c1d18;
      border-left-width: 8px;
      border-radius: 8px;
      background: #fdecea;
      color: #410e0b;
    }
    p {
      margin: 0;
    }
    mat-icon {
      flex: none;
      color: #8c1d18;
    }
  `,
})
export class MedicalMarker {}
