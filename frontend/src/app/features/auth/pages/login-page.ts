import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  Injector,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import type { MfaChallenge, MfaEnrollment } from '@werkpad/shared';
import { AuthService, type LoginOutcome } from '../../../core/auth/auth.service';
import { apiErrorMessage, httpStatus } from '../../../core/http/api-error';

export const SESSION_EXPIRED_MESSAGE = 'Uw sessie is verlopen. Log opnieuw in.';

/** Only same-app paths: an absolute returnUrl would make the login page an open redirect. */
function safeReturnUrl(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

function loginErrorMessage(
  error: unknown,
  unauthorized = 'Gebruikersnaam of wachtwoord is onjuist.',
): string {
  const status = httpStatus(error);
  // 401 covers wrong credentials or codes and locked or deactivated accounts; the server says which.
  if (status === 401 || status === 409) return apiErrorMessage(error, unauthorized);
  if (status === 400) return apiErrorMessage(error, 'Controleer de ingevulde gegevens.');
  if (status === 429) return 'Te veel inlogpogingen. Wacht even en probeer het daarna opnieuw.';
  if (status === 0) return 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.';
  return 'Inloggen is niet gelukt door een fout aan onze kant. Probeer het later opnieuw.';
}

/** The secret in groups of four, as authenticator apps show and accept it. */
function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

/** Users type "123 456" as the app shows it; the API wants the six digits. */
function normaliseCode(value: string): string {
  return value.replace(/\s+/g, '');
}

/** password → (log readers only) enroll or verify → signed in. */
type Step = 'password' | MfaChallenge['mfa'];

@Component({
  selector: 'wp-login-page',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');
  /** Proof of the password step, for the second step only (five minutes). */
  private mfaToken: string | null = null;

  /** Query parameters, bound by withComponentInputBinding. */
  readonly reden = input<string>();
  readonly returnUrl = input<string>();

  private readonly formBuilder = inject(NonNullableFormBuilder);
  protected readonly form = this.formBuilder.group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly codeForm = this.formBuilder.group({
    code: ['', [Validators.required, (control: { value: string }) => this.codeFormat(control.value)]],
  });
  protected readonly sessionExpiredMessage = SESSION_EXPIRED_MESSAGE;
  protected readonly step = signal<Step>('password');
  protected readonly enrollment = signal<MfaEnrollment | null>(null);
  protected readonly groupedSecret = computed(() => {
    const enrollment = this.enrollment();
    return enrollment ? groupSecret(enrollment.secret) : '';
  });
  protected readonly submitting = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly sessionExpired = computed(
    () => this.reden() === 'verlopen' && !this.serverError() && this.step() === 'password',
  );

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.serverError.set(null);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: (outcome: LoginOutcome) => {
        if (outcome.kind === 'signedIn') {
          this.goOn();
          return;
        }
        this.submitting.set(false);
        this.startSecondStep(outcome.challenge);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.serverError.set(loginErrorMessage(error));
        this.form.controls.password.reset();
        // The disabled button lost focus while submitting; put the user back where they retype.
        this.focusAfterRender(() => this.passwordInput());
      },
    });
  }

  protected submitCode(): void {
    if (this.submitting() || !this.mfaToken) return;
    if (this.codeForm.invalid) {
      this.codeForm.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.serverError.set(null);
    const code = normaliseCode(this.codeForm.controls.code.value);
    this.auth.verifyMfa({ mfaToken: this.mfaToken, code }).subscribe({
      next: () => this.goOn(),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.serverError.set(loginErrorMessage(error, 'De code is onjuist. Probeer het opnieuw.'));
        this.codeForm.controls.code.reset();
        this.focusAfterRender(() => this.codeInput());
      },
    });
  }

  /** Back to the password: the MFA token is dropped, a new login starts from the beginning. */
  protected restart(): void {
    this.mfaToken = null;
    this.enrollment.set(null);
    this.serverError.set(null);
    this.submitting.set(false);
    this.codeForm.reset();
    this.form.controls.password.reset();
    this.step.set('password');
    this.focusAfterRender(() => this.passwordInput());
  }

  private startSecondStep(challenge: MfaChallenge): void {
    this.mfaToken = challenge.mfaToken;
    this.codeForm.reset();
    this.step.set(challenge.mfa);
    if (challenge.mfa === 'verify') {
      this.focusAfterRender(() => this.codeInput());
      return;
    }
    // Focus on the step's heading, so that a screen reader reads the instructions before the field.
    this.focusAfterRender(() => this.stepHeading());
    this.auth.startMfaEnrollment(challenge.mfaToken).subscribe({
      next: (enrollment) => this.enrollment.set(enrollment),
      error: (error: unknown) =>
        this.serverError.set(
          loginErrorMessage(error, 'Het instellen van de tweestapsverificatie is niet gelukt.'),
        ),
    });
  }

  private codeFormat(value: string): { codeFormat: true } | null {
    return value === '' || /^\d{6}$/.test(normaliseCode(value)) ? null : { codeFormat: true };
  }

  private goOn(): void {
    void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(() => target()?.nativeElement.focus(), { injector: this.injector });
  }
}
