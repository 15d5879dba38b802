import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { type ClientView, DATA_CATEGORY_LABELS, type DataCategory, type Role } from '@werkpad/shared';
import { apiErrorMessage } from '../../../core/http/api-error';
import { categoryNotice } from '../services/client-file-access';
import { ClientsService } from '../services/clients.service';
import { formatField, presentFields, type ShownField } from './client-field-defs';
import { ClientFormDialog, type ClientFormDialogData } from './client-form-dialog';

interface OverviewSection {
  readonly category: DataCategory;
  readonly label: string;
  readonly fields: readonly { readonly field: ShownField; readonly text: string }[];
  readonly showsBsn: boolean;
}

/** The client's data, grouped per category; only what the API sent is shown. */
@Component({
  selector: 'wp-client-overview',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-overview.html',
  styleUrl: './client-overview.scss',
})
export class ClientOverview {
  private readonly clients = inject(ClientsService);
  private readonly dialog = inject(MatDialog);

  readonly client = input.required<ClientView>();
  /** The categories of this file the user may read (fileCategories). */
  readonly categories = input<readonly DataCategory[]>([]);
  readonly roles = input<readonly Role[]>([]);
  /** Categories of this client the user may change; empty hides "Bewerken". */
  readonly editable = input<readonly DataCategory[]>([]);
  readonly canRevealBsn = input(false);
  readonly changed = output<ClientView>();

  protected readonly notice = computed(() => categoryNotice(this.categories(), this.roles()));
  protected readonly sections = computed<OverviewSection[]>(() => {
    const client = this.client();
    return this.categories()
      .map((category) => ({
        category,
        label: DATA_CATEGORY_LABELS[category],
        fields: presentFields(client, category).map((field) => ({ field, text: formatField(client, field) })),
        showsBsn: category === 'identity' && client.bsnMasked !== undefined,
      }))
      .filter((section) => section.fields.length > 0 || section.showsBsn);
  });
  protected readonly revealedBsn = signal<string | null>(null);
  protected readonly revealing = signal(false);
  protected readonly revealError = signal<string | null>(null);

  protected toggleBsn(): void {
    if (this.revealedBsn()) {
      this.revealedBsn.set(null);
      return;
    }
    this.revealing.set(true);
    this.revealError.set(null);
    this.clients.revealBsn(this.client().id).subscribe({
      next: ({ bsn }) => {
        this.revealing.set(false);
        this.revealedBsn.set(bsn);
      },
      error: (error: unknown) => {
        this.revealing.set(false);
        this.revealError.set(
          apiErrorMessage(error, 'Het BSN kon niet worden opgehaald. Probeer het opnieuw.'),
        );
      },
    });
  }

  protected edit(): void {
    const data: ClientFormDialogData = { client: this.client(), categories: this.editable() };
    this.dialog
      .open<ClientFormDialog, ClientFormDialogData, ClientView>(ClientFormDialog, { data, width: '760px' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.revealedBsn.set(null);
        this.changed.emit(saved);
      });
  }
}
