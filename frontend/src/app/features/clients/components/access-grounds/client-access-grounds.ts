import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type AccessGround, DATA_CATEGORY_LABELS } from '@werkpad/shared';
import { ClientsService } from '../../services/clients.service';

type GroundsState =
  | { readonly state: 'closed' | 'loading' | 'failed' }
  | { readonly state: 'loaded'; readonly grounds: readonly AccessGround[] };

/**
 * "Waarom zie ik dit?": the rules that let the user see each category of this client. Loaded only
 * when opened, because every call is audited as a read and most visits never ask.
 */
@Component({
  selector: 'wp-client-access-grounds',
  imports: [MatExpansionModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-access-grounds.html',
  styleUrl: './client-access-grounds.scss',
})
export class ClientAccessGrounds {
  private readonly clients = inject(ClientsService);

  readonly clientId = input.required<string>();

  protected readonly labels = DATA_CATEGORY_LABELS;
  protected readonly view = signal<GroundsState>({ state: 'closed' });

  /** Loads on the first opening (and again after a failure); the answer does not change while open. */
  protected opened(): void {
    const current = this.view().state;
    if (current === 'loaded' || current === 'loading') return;
    this.view.set({ state: 'loading' });
    this.clients.accessGrounds(this.clientId()).subscribe({
      next: (grounds) => this.view.set({ state: 'loaded', grounds }),
      error: () => this.view.set({ state: 'failed' }),
    });
  }
}
