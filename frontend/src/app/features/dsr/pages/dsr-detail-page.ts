import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  DSR_CHANNEL_LABELS,
  DSR_OUTCOME_LABELS,
  DSR_OUTCOMES,
  DSR_TYPE_LABELS,
  type DsrOutcome,
  type ConsentView,
  CONSENT_PURPOSE_RULES,
  DESTRUCTION_LIST_STATUS_LABELS,
  type DestructionListStatus,
  type DsrLinkedChange,
  type DsrRequestView,
  type ErasureAssessment,
  RETENTION_PART_LABELS,
  type RetentionPart,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryType,
  ID_DOCUMENT_LABELS,
  ID_DOCUMENT_TYPES,
  type IdDocumentType,
} from '@werkpad/shared';
import type { Observable } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage, apiFieldErrors } from '../../../core/http/api-error';
import { dutchDate, toIsoDate } from '../../../shared/dutch-dates';
import { saveFile } from '../../fg/services/fg.service';
import { RetentionService } from '../../retention/services/retention.service';
import { deadlineText, DsrService } from '../services/dsr.service';

/** One request and its steps: identity (R-DSR-02), the work and extension (R-DSR-03/04), the outcome (R-DSR-05). */
@Component({
  selector: 'wp-dsr-detail-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dsr-detail-page.html',
  styleUrl: './dsr.scss',
})
export class DsrDetailPage {
  private readonly requests = inject(DsrService);
  private readonly ability = inject(AuthService).ability();
  private readonly retention = inject(RetentionService);

  /** The route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly request = signal<DsrRequestView | null>(null);
  protected readonly errors = signal<readonly string[]>([]);
  protected readonly busy = signal(false);
  protected readonly canHandle = this.ability.can('update', 'DataSubjectRequest');
  protected readonly canExport = this.ability.can('export', 'DataSubjectRequest');
  protected readonly today = new Date();
  protected readonly documentTypes = ID_DOCUMENT_TYPES.map((type) => ({
    type,
    label: ID_DOCUMENT_LABELS[type],
  }));
  protected readonly outcomes = DSR_OUTCOMES.map((outcome) => ({
    outcome,
    label: DSR_OUTCOME_LABELS[outcome],
  }));
  protected readonly identityForm = new FormGroup({
    documentType: new FormControl<IdDocumentType | null>(null, Validators.required),
    documentNumberEnd: new FormControl('', {
      nonNullable: true,
      validators: Validators.pattern(/^[A-Za-z0-9]{0,4}$/),
    }),
    seenOn: new FormControl<Date | null>(new Date(), Validators.required),
  });
  protected readonly extendForm = new FormGroup({
    months: new FormControl<1 | 2>(2, { nonNullable: true }),
    reason: new FormControl('', { nonNullable: true, validators: Validators.required }),
  });
  protected readonly outcomeForm = new FormGroup({
    outcome: new FormControl<DsrOutcome | null>(null, Validators.required),
    ground: new FormControl('', { nonNullable: true }),
  });
  /** R-RET-06 for an erasure request: what can go now and what the law makes us keep. */
  protected readonly assessment = signal<ErasureAssessment | null>(null);
  /** For a withdrawal request: the client's consents. */
  protected readonly consents = signal<readonly ConsentView[] | null>(null);
  /** For a rectification: the corrections made through the normal screens since it came in. */
  protected readonly changes = signal<readonly DsrLinkedChange[] | null>(null);
  protected readonly erasableCount = computed(() => this.assessment()?.erasableNow.length ?? 0);
  protected readonly heading = computed(() => {
    const request = this.request();
    return request ? `Verzoek ${request.reference}` : 'Verzoek';
  });

  constructor() {
    effect(() =>
      this.requests.get(this.id()).subscribe({
        next: (request) => {
          this.request.set(request);
          if (request.type === 'erasure' && this.canHandle && request.clientId)
            this.loadAssessment(request.clientId);
          if (request.type === 'withdrawal' && this.canHandle) this.loadConsents();
          if (request.type === 'rectification' && this.canHandle)
            this.requests.changes(request.id).subscribe((changes) => this.changes.set(changes));
        },
        error: (error: unknown) =>
          this.errors.set([apiErrorMessage(error, 'Het verzoek kon niet worden geladen.')]),
      }),
    );
  }

  protected typeLabel(request: DsrRequestView): string {
    return DSR_TYPE_LABELS[request.type];
  }

  protected channelLabel(request: DsrRequestView): string {
    return DSR_CHANNEL_LABELS[request.channel];
  }

  protected documentLabel(type: IdDocumentType): string {
    return ID_DOCUMENT_LABELS[type];
  }

  protected outcomeLabel(outcome: DsrOutcome): string {
    return DSR_OUTCOME_LABELS[outcome];
  }

  protected date(iso: string | null): string {
    return iso ? dutchDate(iso) : '—';
  }

  protected deadline(request: DsrRequestView): string {
    return deadlineText(request);
  }

  protected canExtend(request: DsrRequestView): boolean {
    return this.canHandle && request.status === 'open' && !request.extendedDueOn && request.daysLeft >= 0;
  }

  protected hasExport(request: DsrRequestView): boolean {
    return (
      this.canExport &&
      request.status === 'open' &&
      !!request.identity &&
      (request.type === 'access' || request.type === 'portability')
    );
  }

  protected verify(): void {
    const { documentType, documentNumberEnd, seenOn } = this.identityForm.getRawValue();
    if (this.identityForm.invalid || !documentType || !seenOn) {
      this.identityForm.markAllAsTouched();
      return;
    }
    this.run(
      this.requests.verifyIdentity(this.id(), {
        documentType,
        ...(documentNumberEnd.trim() ? { documentNumberEnd: documentNumberEnd.trim() } : {}),
        seenOn: toIsoDate(seenOn),
      }),
    );
  }

  protected extend(): void {
    const { months, reason } = this.extendForm.getRawValue();
    if (!reason.trim()) {
      this.extendForm.markAllAsTouched();
      return;
    }
    this.run(this.requests.extend(this.id(), { months, reason: reason.trim() }));
  }

  protected complete(): void {
    const { outcome, ground } = this.outcomeForm.getRawValue();
    if (!outcome) {
      this.outcomeForm.markAllAsTouched();
      return;
    }
    this.run(
      this.requests.complete(this.id(), { outcome, ...(ground.trim() ? { ground: ground.trim() } : {}) }),
    );
  }

  protected download(what: 'export' | 'extension-letter' | 'outcome-letter'): void {
    this.requests.download(this.id(), what).subscribe({
      next: (file) => saveFile(file),
      error: (error: unknown) => this.errors.set([apiErrorMessage(error, 'Downloaden is mislukt.')]),
    });
  }

  protected listStatusLabel(status: DestructionListStatus): string {
    return DESTRUCTION_LIST_STATUS_LABELS[status].toLowerCase();
  }

  /** R-RET-06: the erasure request's own destruction list with what may go now. */
  protected prepareErasure(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.errors.set([]);
    this.requests.prepareErasure(this.id()).subscribe({
      next: () => {
        this.busy.set(false);
        this.run(this.requests.get(this.id()));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.set([apiErrorMessage(error, 'De vernietigingslijst kon niet worden opgesteld.')]);
      },
    });
  }

  protected downloadCertificate(listId: string): void {
    this.retention.certificate(listId, 'pdf').subscribe({
      next: (file) => saveFile(file),
      error: (error: unknown) => this.errors.set([apiErrorMessage(error, 'Downloaden is mislukt.')]),
    });
  }

  /** R-RET-06: what must be kept, with its ground, becomes the ground of a partly granted request. */
  protected groundFromAssessment(): void {
    const keep = this.assessment()?.mustKeep ?? [];
    this.outcomeForm.patchValue({
      outcome: 'partly_granted',
      ground: keep.map((item) => `${this.partLabel(item)}: ${item.ground}`).join(' '),
    });
  }

  protected partLabel(item: {
    trajectoryType: TrajectoryType | null;
    part: RetentionPart | 'client';
  }): string {
    if (item.part === 'client' || !item.trajectoryType) return 'Cliëntgegevens';
    return `${TRAJECTORY_TYPE_RULES[item.trajectoryType].label}, ${RETENTION_PART_LABELS[item.part].toLowerCase()}`;
  }

  protected purposeLabel(consent: ConsentView): string {
    return CONSENT_PURPOSE_RULES[consent.purpose].label;
  }

  protected withdraw(consent: ConsentView): void {
    this.requests.withdrawConsent(this.id(), consent.id).subscribe({
      next: (updated) =>
        this.consents.update((all) => all?.map((each) => (each.id === updated.id ? updated : each)) ?? null),
      error: (error: unknown) => this.errors.set([apiErrorMessage(error, 'Intrekken is mislukt.')]),
    });
  }

  private loadConsents(): void {
    this.requests.consents(this.id()).subscribe({
      next: (consents) => this.consents.set(consents),
      error: (error: unknown) =>
        this.errors.set([apiErrorMessage(error, 'De toestemmingen konden niet worden geladen.')]),
    });
  }

  private loadAssessment(clientId: string): void {
    this.retention.erasureAssessment(clientId).subscribe({
      next: (assessment) => this.assessment.set(assessment),
      error: (error: unknown) =>
        this.errors.set([apiErrorMessage(error, 'Wat gewist kan worden, kon niet worden bepaald.')]),
    });
  }

  private run(call: Observable<DsrRequestView>): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.errors.set([]);
    call.subscribe({
      next: (request) => {
        this.request.set(request);
        this.busy.set(false);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const fields = apiFieldErrors(error).flatMap((field) => field.messages);
        this.errors.set(fields.length > 0 ? fields : [apiErrorMessage(error, 'Dat is niet gelukt.')]);
      },
    });
  }
}
