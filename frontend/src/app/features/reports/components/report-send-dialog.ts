import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import {
  DISCLOSURE_CHANNELS,
  type DisclosureChannel,
  type ProgressReportView,
  REPORT_RECIPIENT_LABELS,
} from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { CHANNEL_LABELS } from '../../clients/components/sharing/sharing-options';
import { ReportsService } from '../services/reports.service';

export interface ReportSendDialogData {
  readonly clientId: string;
  readonly report: ProgressReportView;
}

/**
 * Sends a report: the API records it as a disclosure per trajectory (not to the client, who is the
 * data subject) with the PDF's digest, and files an outgoing letter in the dossier.
 */
@Component({
  selector: 'wp-report-send-dialog',
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Rapportage verzenden</h2>
    <mat-dialog-content>
      @if (error(); as message) {
        <div class="alert alert--error" role="alert">{{ message }}</div>
      }
      <p>
        {{ data.report.reference }} gaat naar {{ data.report.recipientOrganisation }} ({{ recipient }}). Na
        verzending wordt de rapportage niet meer gewijzigd; zij staat dan in het dossier.
      </p>
      @if (data.report.reviewStatus === 'not_shown') {
        <p>De cliënt heeft de rapportage nog niet gezien; leg dat na verzending vast (R-SHARE-06).</p>
      }
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Verzonden via</mat-label>
        <mat-select [formControl]="channel">
          @for (option of channels; track option.value) {
            <mat-option [value]="option.value">{{ option.label }}</mat-option>
          }
        </mat-select>
        <mat-error>Kies hoe de rapportage wordt verzonden.</mat-error>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Annuleren</button>
      <button mat-flat-button type="button" (click)="send()" [disabled]="sending()">Verzenden</button>
    </mat-dialog-actions>
  `,
})
export class ReportSendDialog {
  private readonly reports = inject(ReportsService);
  private readonly dialogRef = inject<MatDialogRef<ReportSendDialog, ProgressReportView>>(MatDialogRef);
  protected readonly data = inject<ReportSendDialogData>(MAT_DIALOG_DATA);
  protected readonly recipient = REPORT_RECIPIENT_LABELS[this.data.report.recipientType];
  protected readonly channels = DISCLOSURE_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }));
  protected readonly channel = new FormControl<DisclosureChannel>('secure_portal', {
    nonNullable: true,
    validators: Validators.required,
  });
  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);

  protected send(): void {
    if (this.sending() || this.channel.invalid) return;
    this.sending.set(true);
    this.error.set(null);
    this.reports.send(this.data.clientId, this.data.report.id, { channel: this.channel.value }).subscribe({
      next: (report) => this.dialogRef.close(report),
      error: (error: unknown) => {
        this.sending.set(false);
        // A 403 names the rule that refuses it, e.g. a role that may not send to this recipient.
        this.error.set(apiErrorMessage(error, 'De rapportage is niet verzonden. Probeer het opnieuw.'));
      },
    });
  }
}
