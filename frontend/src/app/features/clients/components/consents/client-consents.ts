import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { ConsentView } from '@werkpad/shared';
import { filter, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../../../core/http/api-error';
import { ConfirmDialog, type ConfirmDialogData } from '../../../../shared/confirm-dialog';
import { DatePromptDialog, type DatePromptData } from '../../../../shared/date-prompt-dialog';
import { todayIso } from '../../../../shared/dutch-dates';
import { ConsentsService } from '../../services/consents.service';
import { ClientFileService } from '../../services/file.service';
import { CONSENT_FORM_LABELS, categoryList, invalidReason, purposeLabel } from './consent-labels';
import { ConsentFormDialog, type ConsentFormDialogData } from './consent-form-dialog';

function dutch(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}-${month}-${year}`;
}

/** The client's consents (R-CONS-01): every record stays, a withdrawal is added to it (R-CONS-02). */
@Component({
  selector: 'wp-client-consents',
  imports: [DatePipe, MatButtonModule, MatChipsModule, MatIconModule, MatProgressBarModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-consents.html',
  styleUrls: ['../client-tabs.scss', './consents.scss'],
})
export class ClientConsents {
  private readonly consents = inject(ConsentsService);
  private readonly files = inject(ClientFileService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  readonly clientId = input.required<string>();
  /** Whether the user may record consent (create 'Consent'). */
  readonly canCreate = input(false);
  /** Whether the user may record a withdrawal (update 'Consent'). */
  readonly canWithdraw = input(false);
  /** Whether the user may upload documents: then the signed form can be added in the consent dialog. */
  readonly canUpload = input(false);

  protected readonly items = signal<readonly ConsentView[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly actionError = signal<string | null>(null);
  /** File names of the evidence documents, by document id, as far as the dossier shows them. */
  protected readonly fileNames = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly columns = [
    'purpose',
    'recipient',
    'givenOn',
    'form',
    'recordedBy',
    'evidence',
    'validUntil',
    'withdrawn',
    'status',
    'actions',
  ];

  constructor() {
    effect(() => this.load(this.clientId()));
  }

  protected purpose(consent: ConsentView): string {
    return purposeLabel(consent.purpose);
  }

  protected formLabel(consent: ConsentView): string {
    return CONSENT_FORM_LABELS[consent.form];
  }

  protected categories(consent: ConsentView): string {
    return categoryList(consent.categories);
  }

  protected invalidReason(consent: ConsentView): string | null {
    return invalidReason(consent);
  }

  protected add(): void {
    this.dialog
      .open<ConsentFormDialog, ConsentFormDialogData, ConsentView>(ConsentFormDialog, {
        data: { clientId: this.clientId(), canUpload: this.canUpload() },
        width: '760px',
      })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.snackBar.open('Toestemming vastgelegd', 'Sluiten', { duration: 5000 });
        this.actionError.set(null);
        this.load(this.clientId());
      });
  }

  /** Withdrawal asks for the date, then for a second "yes": it takes effect at once (R-CONS-02). */
  protected withdraw(consent: ConsentView): void {
    const label = purposeLabel(consent.purpose);
    const prompt: DatePromptData = {
      title: 'Toestemming intrekken',
      message: `Op welke datum heeft de cliënt de toestemming "${label}" ingetrokken?`,
      label: 'Ingetrokken op',
      confirmLabel: 'Verder',
      initial: todayIso(),
      min: consent.givenOn,
      max: todayIso(),
    };
    this.dialog
      .open<DatePromptDialog, DatePromptData, string>(DatePromptDialog, { data: prompt, width: '480px' })
      .afterClosed()
      .pipe(
        filter((withdrawnOn): withdrawnOn is string => typeof withdrawnOn === 'string'),
        switchMap((withdrawnOn) => {
          const confirm: ConfirmDialogData = {
            title: 'Toestemming intrekken?',
            message:
              `De toestemming "${label}" geldt vanaf ${dutch(withdrawnOn)} niet meer. ` +
              'Wat daarna op deze toestemming steunt, wordt geweigerd. De vastlegging blijft bewaard. Weet u het zeker?',
            confirmLabel: 'Intrekken',
          };
          return this.dialog
            .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
              data: confirm,
              role: 'alertdialog',
            })
            .afterClosed()
            .pipe(
              filter((confirmed) => confirmed === true),
              switchMap(() => this.consents.withdraw(this.clientId(), consent.id, withdrawnOn)),
            );
        }),
      )
      .subscribe({
        next: () => {
          this.snackBar.open('Toestemming ingetrokken', 'Sluiten', { duration: 5000 });
          this.actionError.set(null);
          this.load(this.clientId());
        },
        error: (error: unknown) =>
          this.actionError.set(
            apiErrorMessage(error, 'De toestemming is niet ingetrokken. Probeer het opnieuw.'),
          ),
      });
  }

  private load(clientId: string): void {
    this.loading.set(true);
    this.failed.set(false);
    this.consents.list(clientId).subscribe({
      next: (items) => {
        this.items.set(items);
        this.loading.set(false);
        if (items.some((item) => item.evidenceDocumentId)) this.loadFileNames(clientId);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }

  /**
   * The consent register only holds the document's id; the dossier names the file. A document the
   * user may not see (another category) keeps the generic "Document in het dossier".
   */
  private loadFileNames(clientId: string): void {
    this.files.dossier(clientId, { kind: 'document' }).subscribe({
      next: (entries) =>
        this.fileNames.set(
          new Map(
            entries.flatMap((entry): [string, string][] =>
              entry.document ? [[entry.document.id, entry.document.fileName]] : [],
            ),
          ),
        ),
      error: () => this.fileNames.set(new Map()),
    });
  }
}
