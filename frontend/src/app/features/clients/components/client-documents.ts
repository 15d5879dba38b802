import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  type DataCategory,
  DATA_CATEGORY_LABELS,
  DOCUMENT_MEDIA_TYPES,
  type DossierEntryView,
  type TrajectoryView,
} from '@werkpad/shared';
import { filter, forkJoin, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../../core/http/api-error';
import { DatePromptDialog, type DatePromptData } from '../../../shared/date-prompt-dialog';
import { todayIso } from '../../../shared/dutch-dates';
import { ClientFileService } from '../services/file.service';
import { DocumentUploadDialog, type DocumentUploadDialogData } from './document-upload-dialog';

/** Documents in the dossier: what they are, their checksum and, for WhatsApp, the deletion there. */
@Component({
  selector: 'wp-client-documents',
  imports: [DatePipe, DecimalPipe, MatButtonModule, MatIconModule, MatProgressBarModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-documents.html',
  styleUrl: './client-tabs.scss',
})
export class ClientDocuments {
  private readonly files = inject(ClientFileService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly clientId = input.required<string>();
  readonly writable = input<readonly DataCategory[]>([]);
  /** Whether the user may upload documents at all (`create Document`). */
  readonly canUpload = input(false);

  protected readonly documents = signal<readonly DossierEntryView[]>([]);
  private readonly trajectories = signal<readonly TrajectoryView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly actionError = signal<string | null>(null);
  protected readonly canWrite = computed(() => this.canUpload() && this.writable().length > 0);
  protected readonly columns = [
    'title',
    'type',
    'size',
    'date',
    'category',
    'checksum',
    'whatsapp',
    'actions',
  ];

  constructor() {
    effect(() => this.load(this.clientId()));
  }

  protected categoryLabel(entry: DossierEntryView): string {
    return DATA_CATEGORY_LABELS[entry.category];
  }

  protected typeLabel(mediaType: string): string {
    return DOCUMENT_MEDIA_TYPES[mediaType] ?? mediaType;
  }

  protected upload(): void {
    const data: DocumentUploadDialogData = {
      clientId: this.clientId(),
      trajectories: this.trajectories(),
      writable: this.writable(),
    };
    this.dialog
      .open<DocumentUploadDialog, DocumentUploadDialogData, DossierEntryView>(DocumentUploadDialog, {
        data,
        width: '760px',
      })
      .afterClosed()
      .subscribe((entry) => {
        if (!entry) return;
        this.snackBar.open('Document opgeslagen', 'Sluiten', { duration: 5000 });
        this.load(this.clientId());
      });
  }

  protected download(entry: DossierEntryView): void {
    const document = entry.document;
    if (!document) return;
    this.actionError.set(null);
    this.files.download(this.clientId(), document.id).subscribe({
      next: ({ blob, fileName }) => {
        const url = URL.createObjectURL(blob);
        const link = window.document.createElement('a');
        link.href = url;
        link.download = fileName ?? document.fileName;
        link.click();
        // Revoked after the click has been handled, so the browser has started the download.
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) =>
        this.actionError.set(
          apiErrorMessage(error, 'Het document kon niet worden gedownload. Probeer het opnieuw.'),
        ),
    });
  }

  protected markDeleted(entry: DossierEntryView): void {
    const document = entry.document;
    if (!document) return;
    const data: DatePromptData = {
      title: 'Verwijderd uit WhatsApp',
      message: `Op welke datum is "${entry.title}" uit WhatsApp verwijderd?`,
      label: 'Verwijderd op',
      confirmLabel: 'Vastleggen',
      initial: todayIso(),
      max: todayIso(),
    };
    this.dialog
      .open<DatePromptDialog, DatePromptData, string>(DatePromptDialog, { data, width: '480px' })
      .afterClosed()
      .pipe(
        filter((date): date is string => typeof date === 'string'),
        switchMap((date) => this.files.markDeletedFromWhatsapp(this.clientId(), document.id, date)),
      )
      .subscribe({
        next: () => {
          this.snackBar.open('Verwijdering uit WhatsApp vastgelegd', 'Sluiten', { duration: 5000 });
          this.load(this.clientId());
        },
        error: (error: unknown) =>
          this.actionError.set(
            apiErrorMessage(error, 'De verwijdering is niet vastgelegd. Probeer het opnieuw.'),
          ),
      });
  }

  private load(clientId: string): void {
    this.loading.set(true);
    this.failed.set(false);
    forkJoin({
      documents: this.files.dossier(clientId, { kind: 'document' }),
      trajectories: this.files.trajectories(clientId),
    }).subscribe({
      next: ({ documents, trajectories }) => {
        this.documents.set(documents.filter((entry) => entry.document !== null));
        this.trajectories.set(trajectories);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }
}
