import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type ClientView,
  DSR_CHANNEL_LABELS,
  DSR_CHANNELS,
  DSR_TYPE_LABELS,
  DSR_TYPES,
  type DsrChannel,
  type DsrRequestView,
  type DsrType,
} from '@werkpad/shared';
import { apiErrorMessage, apiFieldErrors } from '../../../core/http/api-error';
import { dutchDate, toIsoDate } from '../../../shared/dutch-dates';
import { ClientsService } from '../../clients/services/clients.service';
import { DsrService } from '../services/dsr.service';

/** Registers a request: whose, which right, how and when it came in (R-DSR-01). */
@Component({
  selector: 'wp-dsr-form-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dsr-form-dialog.html',
  styleUrl: '../../clients/components/client-form.scss',
})
export class DsrFormDialog {
  private readonly requests = inject(DsrService);
  private readonly clients = inject(ClientsService);
  private readonly dialogRef = inject<MatDialogRef<DsrFormDialog, DsrRequestView>>(MatDialogRef);

  protected readonly types = DSR_TYPES.map((type) => ({ type, label: DSR_TYPE_LABELS[type] }));
  protected readonly channels = DSR_CHANNELS.map((channel) => ({
    channel,
    label: DSR_CHANNEL_LABELS[channel],
  }));
  protected readonly today = new Date();
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly found = signal<readonly ClientView[]>([]);
  protected readonly form = new FormGroup({
    clientId: new FormControl<string | null>(null, Validators.required),
    type: new FormControl<DsrType | null>(null, Validators.required),
    channel: new FormControl<DsrChannel | null>(null, Validators.required),
    receivedOn: new FormControl<Date | null>(new Date(), Validators.required),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(2000)],
    }),
    processingObjectedTo: new FormControl('', { nonNullable: true, validators: Validators.maxLength(500) }),
  });
  protected readonly saving = signal(false);
  protected readonly errors = signal<readonly string[]>([]);

  protected clientLabel(client: ClientView): string {
    const born = client.dateOfBirth ? `, geboren ${dutchDate(client.dateOfBirth)}` : '';
    return `${client.firstName ?? ''} ${client.lastName ?? ''}`.trim() + born;
  }

  protected find(): void {
    this.clients.list({ q: this.search.value.trim(), page: 1, pageSize: 20 }).subscribe({
      next: (page) => this.found.set(page.items),
      error: (error: unknown) => this.errors.set([apiErrorMessage(error, 'Zoeken is mislukt.')]),
    });
  }

  protected save(): void {
    if (this.saving()) return;
    this.form.markAllAsTouched();
    const value = this.form.getRawValue();
    if (this.form.invalid || !value.clientId || !value.type || !value.channel || !value.receivedOn) {
      this.errors.set(['Vul alle velden in; zoek eerst de cliënt.']);
      return;
    }
    if (value.type === 'objection' && !value.processingObjectedTo.trim()) {
      this.errors.set(['Noem bij bezwaar tegen welke verwerking de cliënt bezwaar maakt.']);
      return;
    }
    this.saving.set(true);
    this.requests
      .create({
        clientId: value.clientId,
        type: value.type,
        channel: value.channel,
        receivedOn: toIsoDate(value.receivedOn),
        description: value.description.trim(),
        ...(value.type === 'objection' ? { processingObjectedTo: value.processingObjectedTo.trim() } : {}),
      })
      .subscribe({
        next: (created) => this.dialogRef.close(created),
        error: (error: unknown) => {
          this.saving.set(false);
          const fields = apiFieldErrors(error).flatMap((field) => field.messages);
          this.errors.set(
            fields.length > 0 ? fields : [apiErrorMessage(error, 'Het verzoek is niet vastgelegd.')],
          );
        },
      });
  }
}
