import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  type CategoryDecision,
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
  type DataCategory,
  DISCLOSURE_CHANNELS,
  type DisclosureChannel,
  type DisclosureDecision,
  type DisclosureRequest,
  type DisclosureResult,
  type RecipientType,
  type Role,
  TRAJECTORY_TYPE_RULES,
  type TrajectoryType,
} from '@werkpad/shared';
import { catchError, debounceTime, map, type Observable, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../../../../core/http/api-error';
import { DisclosuresService } from '../../services/consents.service';
import { ClientFileService } from '../../services/file.service';
import { PayrollService } from '../../services/payroll.service';
import {
  CHANNEL_LABELS,
  candidateCategories,
  decisionText,
  recipientLabel,
  recipientOptions,
} from './sharing-options';

/**
 * Where the trajectory choices come from: the client's trajectories for those who may read them
 * (coach), or the employment trajectories of the payroll file for payroll staff, who may not.
 */
export type TrajectorySource = 'trajectories' | 'employment';

export interface SharingDialogData {
  readonly clientId: string;
  /** The user's roles: only recipient types a rule lets one of them disclose to are offered. */
  readonly roles: readonly Role[];
  readonly trajectorySource: TrajectorySource;
}

/** One open trajectory to share for, from either source. */
interface TrajectoryChoice {
  readonly id: string;
  readonly type: TrajectoryType;
  readonly startDate: string;
}

type Preview =
  | { readonly state: 'incomplete' }
  | { readonly state: 'loading'; readonly key: string }
  | { readonly state: 'decided'; readonly key: string; readonly decision: DisclosureDecision }
  | { readonly state: 'failed'; readonly key: string; readonly message: string };

/** A refused disclosure answers 403 with the decision, so the dialog can show why. */
function refusalDecision(error: unknown): DisclosureDecision | null {
  const body: unknown = error instanceof HttpErrorResponse ? error.error : null;
  if (typeof body !== 'object' || body === null) return null;
  const decision = (body as { decision?: Partial<DisclosureDecision> }).decision;
  return decision && Array.isArray(decision.categories) ? (decision as DisclosureDecision) : null;
}

/**
 * Shares named categories of one client with one recipient (R-SHARE-01). Every change asks the API
 * what is allowed and why; "Verstrekken" only works when every chosen category is allowed.
 */
@Component({
  selector: 'wp-sharing-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sharing-dialog.html',
  styleUrls: ['../client-form.scss', './sharing.scss'],
})
export class SharingDialog {
  private readonly disclosures = inject(DisclosuresService);
  private readonly data = inject<SharingDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly files = inject(ClientFileService);
  private readonly payroll = inject(PayrollService);

  protected readonly recipients = recipientOptions(this.data.roles);
  protected readonly channels = DISCLOSURE_CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly categoryLabels = DATA_CATEGORY_LABELS;
  protected readonly trajectories = signal<readonly TrajectoryChoice[] | null>(null);
  protected readonly saving = signal(false);
  protected readonly errors = signal<readonly string[]>([]);
  protected readonly result = signal<DisclosureResult | null>(null);

  protected readonly form = this.fb.group({
    trajectoryId: this.fb.control<string | null>(null, Validators.required),
    recipientType: this.fb.control<RecipientType | null>(null, Validators.required),
    organisation: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    person: this.fb.control('', Validators.maxLength(200)),
    country: this.fb.control('NL', [Validators.required, Validators.pattern(/^[A-Za-z]{2}$/)]),
    channel: this.fb.control<DisclosureChannel>('secure_portal', Validators.required),
    purpose: this.fb.control('', [Validators.required, Validators.maxLength(500)]),
    isReport: this.fb.control(false),
    categories: this.fb.group(
      Object.fromEntries(DATA_CATEGORIES.map((category) => [category, this.fb.control(false)])),
    ),
  });

  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() },
  );
  protected readonly candidates = computed(() => candidateCategories(this.value().recipientType));
  protected readonly chosen = computed<DataCategory[]>(() => {
    const value = this.value();
    return this.candidates().filter((category) => value.categories[category]);
  });
  protected readonly chosenLabels = computed(() =>
    this.chosen()
      .map((category) => DATA_CATEGORY_LABELS[category])
      .join(', '),
  );
  protected readonly request = computed<DisclosureRequest | null>(() => this.toRequest(this.value()));
  protected readonly preview = signal<Preview>({ state: 'incomplete' });
  protected readonly decisions = computed(() => {
    const preview = this.preview();
    const byCategory = new Map<DataCategory, CategoryDecision>();
    if (preview.state === 'decided') {
      for (const decision of preview.decision.categories) byCategory.set(decision.category, decision);
    }
    return byCategory;
  });
  /** Only a decision about exactly this request, allowing every chosen category, lets it go out. */
  protected readonly canDisclose = computed(() => {
    const preview = this.preview();
    const request = this.request();
    if (!request || preview.state !== 'decided' || preview.key !== JSON.stringify(request)) return false;
    const decisions = this.decisions();
    return (
      preview.decision.allowed &&
      request.categories.every((category) => decisions.get(category)?.allowed === true)
    );
  });

  constructor() {
    this.trajectoryChoices().subscribe({
      next: (trajectories) => this.trajectories.set(trajectories),
      error: () => this.errors.set(['De trajecten konden niet worden geladen.']),
    });
    this.form.valueChanges
      .pipe(
        debounceTime(250),
        map(() => this.toRequest(this.form.getRawValue())),
        switchMap((request) => {
          if (!request) return of<Preview>({ state: 'incomplete' });
          const key = JSON.stringify(request);
          this.preview.set({ state: 'loading', key });
          return this.disclosures.decide(this.data.clientId, request).pipe(
            map((decision): Preview => ({ state: 'decided', key, decision })),
            catchError((error: unknown) => {
              const messages = apiFieldErrors(error).flatMap((field) => field.messages);
              const message =
                messages.length > 0
                  ? messages.join(' ')
                  : apiErrorMessage(error, 'Het antwoord op wat mag, kon niet worden opgehaald.');
              return of<Preview>({ state: 'failed', key, message });
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((preview) => this.preview.set(preview));
  }

  protected trajectoryLabel(trajectory: TrajectoryChoice): string {
    const [year, month, day] = trajectory.startDate.split('-');
    return `${TRAJECTORY_TYPE_RULES[trajectory.type].label} (sinds ${day}-${month}-${year})`;
  }

  protected recipientName(): string {
    const type = this.value().recipientType;
    return type ? recipientLabel(type) : '';
  }

  protected decisionFor(category: DataCategory): CategoryDecision | undefined {
    return this.decisions().get(category);
  }

  protected decisionText(decision: CategoryDecision): string {
    return decisionText(decision);
  }

  protected disclose(): void {
    const request = this.request();
    if (!request || !this.canDisclose() || this.saving()) return;
    this.saving.set(true);
    this.errors.set([]);
    this.disclosures.disclose(this.data.clientId, request).subscribe({
      next: (result) => {
        this.saving.set(false);
        this.result.set(result);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const decision = refusalDecision(error);
        if (decision) this.preview.set({ state: 'decided', key: JSON.stringify(request), decision });
        this.errors.set([apiErrorMessage(error, 'Er is niets verstrekt. Probeer het opnieuw.')]);
      },
    });
  }

  /** The open trajectories to choose from, from the source that applies to the user. */
  private trajectoryChoices(): Observable<TrajectoryChoice[]> {
    const open = <T extends { readonly status: string }>(items: readonly T[]) =>
      items.filter((item) => item.status === 'open');
    if (this.data.trajectorySource === 'employment') {
      return this.payroll.file(this.data.clientId).pipe(map((file) => open(file.employmentTrajectories)));
    }
    return this.files.trajectories(this.data.clientId).pipe(map(open));
  }

  private toRequest(value: ReturnType<typeof this.form.getRawValue>): DisclosureRequest | null {
    const categories = candidateCategories(value.recipientType).filter(
      (category) => value.categories[category],
    );
    if (this.form.invalid || !value.trajectoryId || !value.recipientType || categories.length === 0) {
      return null;
    }
    const person = value.person.trim();
    return {
      trajectoryId: value.trajectoryId,
      recipient: {
        type: value.recipientType,
        organisation: value.organisation.trim(),
        ...(person ? { person } : {}),
        country: value.country.trim().toUpperCase(),
      },
      categories,
      channel: value.channel,
      purpose: value.purpose.trim(),
      isReport: value.isReport,
    };
  }
}
