import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { ClientSummary } from '@werkpad/shared';
import { PAGE_SIZE_OPTIONS, PagedList } from '../../../shared/paged-list';
import { ClientsService } from '../services/clients.service';

/**
 * The coach's caseload. The BSN is shown exactly as the API masked it: the full number is not
 * needed to recognise a client here, so it never reaches this screen (need-to-know).
 */
@Component({
  selector: 'wp-clients-page',
  imports: [
    DatePipe,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './clients-page.html',
})
export class ClientsPage {
  private readonly clientsService = inject(ClientsService);

  protected readonly list = new PagedList<ClientSummary>((request) => this.clientsService.list(request));
  protected readonly columns = ['name', 'dateOfBirth', 'bsn', 'city'];
  protected readonly pageSizeOptions = [...PAGE_SIZE_OPTIONS];

  constructor() {
    this.list.reload();
  }
}
