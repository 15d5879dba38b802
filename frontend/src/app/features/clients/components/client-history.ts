import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { FieldChange } from '@werkpad/shared';
import { ClientsService } from '../services/clients.service';
import { changeLabel, changeValue } from './history-labels';

interface ChangeRow {
  readonly id: string;
  readonly changedAt: string;
  readonly changedByName: string;
  readonly label: string;
  readonly oldText: string;
  readonly newText: string;
}

function toRow(change: FieldChange): ChangeRow {
  return {
    id: change.id,
    changedAt: change.changedAt,
    changedByName: change.changedByName,
    label: changeLabel(change),
    oldText: changeValue(change.field, change.oldValue),
    newText: changeValue(change.field, change.newValue),
  };
}

/** Who changed what when; the API sends only changes in categories the user may read. */
@Component({
  selector: 'wp-client-history',
  imports: [DatePipe, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './client-history.html',
  styleUrl: './client-tabs.scss',
})
export class ClientHistory {
  private readonly clients = inject(ClientsService);

  readonly clientId = input.required<string>();

  protected readonly rows = signal<readonly ChangeRow[] | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      const clientId = this.clientId();
      this.failed.set(false);
      this.clients.history(clientId).subscribe({
        next: (changes) => this.rows.set(changes.map(toRow)),
        error: () => this.failed.set(true),
      });
    });
  }
}
