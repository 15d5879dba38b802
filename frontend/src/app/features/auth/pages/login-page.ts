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
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage, httpStatus } from '../../../core/http/api-error';

export const SESSION_EXPIRED_MESSAGE = 'Uw sessie is verlopen. Log opnieuw in.';

/** Only same-app paths: an absolute returnUrl would make the login page an open redirect. */
function safeReturnUrl(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

function loginErrorMessage(error: unknown): string {
  const status = httpStatus(error);
  // 401 covers wrong credentials and locked or deactivated accounts; the server says which, in Dutch.
  if (status === 401) return apiErrorMessage(error, 'Gebruikersnaam of wachtwoord is onjuist.');
  if (status === 400) return apiErrorMessage(error, 'Controleer de ingevulde gegevens.');
  if (status === 429) return 'Te veel inlogpogingen. Wacht even en probeer het daarna opnieuw.';
  if (status === 0) return 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.';
  return 'Inloggen is niet gelukt door een fout aan onze kant. Probeer het later opnieuw.';
}

@Component({
  selector: 'wp-login-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('passwordInput');

  /** Query parameters, bound by withComponentInputBinding. */
  readonly reden = input<string>();
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly sessionExpiredMessage = SESSION_EXPIRED_MESSAGE;
  protected readonly submitting = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly sessionExpired = computed(() => this.reden() === 'verlopen' && !this.serverError());

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.serverError.set(null);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.serverError.set(loginErrorMessage(error));
        this.form.controls.password.reset();
        // The disabled button lost focus while submitting; put the user back where they retype.
        afterNextRender(() => this.passwordInput().nativeElement.focus(), { injector: this.injector });
      },
    });
  }
}
