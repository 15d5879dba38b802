import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { AuditChainVerification } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { AuditService } from '../services/audit.service';

/** Lets the DPO check that the hash-chained audit log is complete and unaltered. */
@Component({
  selector: 'wp-audit-verify-page',
  imports: [DecimalPipe, MatButtonModule, MatProgressBarModule],
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
      }
    </div>
  `,
  styles: `
    .progress {
      margin-top: 16px;
    }
    .result {
      margin-top: 16px;
    }
  `,
})
export class AuditVerifyPage {
  private readonly audit = inject(AuditService);
  protected readonly checking = signal(false);
  protected readonly result = signal<AuditChainVerification | null>(null);
  protected readonly error = signal<string | null>(null);

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
