import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AuditVerificationReport } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDateTime } from '../../../shared/dutch-dates';
import { AuditCheckpoints } from '../components/audit-checkpoints';
import { AuditService } from '../services/audit.service';

/**
 * Lets the DPO check that the hash-chained audit log is complete and unaltered, also against the
 * latest signed checkpoint outside the database (R-AUD-02), and make a new checkpoint.
 */
@Component({
  selector: 'wp-audit-verify-page',
  imports: [DecimalPipe, MatButtonModule, MatProgressBarModule, AuditCheckpoints],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Auditlog controleren</h1>
    <p>
      Elke gebeurtenis in de auditlog is met een hash aan de vorige gekoppeld. De controle rekent de hele
      keten na en meldt de eerste gebeurtenis die niet klopt.
    </p>

    <!-- Not disabled while checking: disabling the focused button would drop keyboard focus. -->
    <button mat-flat-button type="button" (click)="verify()">
      {{ result() || error() ? 'Opnieuw controleren' : 'Controle uitvoeren' }}
    </button>

    @if (checking()) {
      <mat-progress-bar class="progress" mode="indeterminate" aria-label="De auditlog wordt gecontroleerd" />
    }

    <div class="result" role="status">
      @if (error(); as message) {
        <div class="alert alert--error">{{ message }}</div>
      } @else if (result(); as result) {
        @if (result.ok) {
          <div class="alert alert--success">
            De auditlog is in orde: {{ result.checked | number }}
            {{ result.checked === 1 ? 'gebeurtenis' : 'gebeurtenissen' }} gecontroleerd, geen afwijkingen
            gevonden.
          </div>
        } @else {
          <div class="alert alert--error">
            <div>
              <strong>De auditlog is niet in orde.</strong>
              @if (result.firstBrokenSeq) {
                De keten is verbroken bij gebeurtenis {{ result.firstBrokenSeq }}.
              }
              {{ result.checked | number }} {{ result.checked === 1 ? 'gebeurtenis' : 'gebeurtenissen' }}
              gecontroleerd.
              @if (result.reason) {
                <div>Reden: {{ result.reason }}</div>
              }
            </div>
          </div>
        }
        @if (result.checkpoint; as checkpoint) {
          <div
            class="alert checkpoint"
            [class.alert--success]="checkpoint.signatureValid && checkpoint.matches"
            [class.alert--error]="!checkpoint.signatureValid || !checkpoint.matches"
          >
            <div>
              <strong>Vergeleken met het controlepunt van {{ dateTime(checkpoint.createdAt) }}</strong>
              (gebeurtenis {{ checkpoint.seq }}):
              <ul>
                <li>
                  {{
                    checkpoint.signatureValid
                      ? 'De handtekening van het controlepunt is geldig.'
                      : 'De handtekening van het controlepunt is ongeldig.'
                  }}
                </li>
                <li>
                  {{
                    checkpoint.matches
                      ? 'De keten komt overeen met het controlepunt.'
                      : 'De keten komt niet overeen met het controlepunt.'
                  }}
                </li>
              </ul>
              @if (checkpoint.reason) {
                <div>Reden: {{ checkpoint.reason }}</div>
              }
            </div>
          </div>
        } @else {
          <p class="checkpoint">
            Er is nog geen controlepunt vastgelegd; de keten is alleen op zichzelf gecontroleerd.
          </p>
        }
      }
    </div>

    <wp-audit-checkpoints (created)="verify()" />
  `,
  styles: `
    .progress {
      margin-top: 16px;
    }
    .result {
      margin-top: 16px;
    }
    .checkpoint {
      margin-top: 8px;
    }
    .checkpoint ul {
      margin: 4px 0;
      padding-left: 20px;
    }
    wp-audit-checkpoints {
      display: block;
      margin-top: 32px;
    }
  `,
})
export class AuditVerifyPage {
  private readonly audit = inject(AuditService);
  protected readonly checking = signal(false);
  protected readonly result = signal<AuditVerificationReport | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly dateTime = dutchDateTime;

  constructor() {
    this.verify();
  }

  protected verify(): void {
    if (this.checking()) return;
    this.checking.set(true);
    this.error.set(null);
    this.audit.verifyChain().subscribe({
      next: (result) => {
        this.result.set(result);
        this.checking.set(false);
      },
      error: (error: unknown) => {
        this.result.set(null);
        this.error.set(
          apiErrorMessage(error, 'De controle kon niet worden uitgevoerd. Probeer het opnieuw.'),
        );
        this.checking.set(false);
      },
    });
  }
}
