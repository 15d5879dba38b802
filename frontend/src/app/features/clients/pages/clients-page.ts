import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  type ClientSort,
  type ClientView,
  TRAJECTORY_TYPE_RULES,
  TRAJECTORY_TYPES,
  type TrajectoryStatus,
  type TrajectoryType,
} from '@werkpad/shared';
import { AuthService } from '../../../core/auth/auth.service';
import { PAGE_SIZE_OPTIONS, PagedList } from '../../../shared/paged-list';
import { AssignmentDialog, type AssignmentDialogData } from '../components/assignment-dialog';
import { ClientFormDialog, type ClientFormDialogData } from '../components/client-form-dialog';
import { ClientsService, type SortDirection, type StaffMember } from '../services/clients.service';

/**
 * The caseload. The BSN is shown exactly as the API masked it: the full number is not needed to
 * recognise a client here, so it never reaches this screen (need-to-know). Columns of categories
 * the user may not read are left out rather than shown empty.
 */
@Component({
  selector: 'wp-clients-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './clients-page.html',
  styleUrl: './clients-page.scss',
})
export class ClientsPage {
  private readonly clientsService = inject(ClientsService);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  protected readonly sort = signal<{ active: ClientSort; direction: SortDirection }>({
    active: 'name',
    direction: 'asc',
  });
  protected readonly trajectoryType = signal<TrajectoryType | null>(null);
  protected readonly status = signal<TrajectoryStatus | null>(null);
  protected readonly coachId = signal<string | null>(null);
  protected readonly coaches = signal<readonly StaffMember[]>([]);

  protected readonly list = new PagedList<ClientView>((request) =>
    this.clientsService.list({
      ...request,
      sort: this.sort().active,
      direction: this.sort().direction,
      trajectoryType: this.trajectoryType(),
      status: this.status(),
      coachId: this.coachId(),
    }),
  );

  private readonly ability = this.auth.ability;
  private readonly roles = computed(() => this.auth.user()?.roles ?? []);
  /** Management and admin see every client; the others see their own caseload. */
  protected readonly overseesAll = computed(() =>
    this.roles().some((role) => role === 'management' || role === 'admin'),
  );
  protected readonly heading = computed(() => (this.overseesAll() ? 'Cliënten' : 'Mijn cliënten'));
  protected readonly canCreate = computed(() => this.ability().can('create', 'Client'));
  protected readonly canAssign = computed(() => this.ability().can('assign', 'Client'));
  protected readonly seesContact = computed(() => this.ability().can('read', 'Client', 'contact'));
  protected readonly seesProgress = computed(() => this.ability().can('read', 'Client', 'progress'));
  protected readonly columns = computed(() => [
    'name',
    'dateOfBirth',
    'bsn',
    ...(this.seesContact() ? ['city'] : []),
    ...(this.seesProgress() ? ['trajectories'] : []),
    ...(this.overseesAll() ? ['coach'] : []),
    ...(this.canAssign() ? ['actions'] : []),
  ]);
  protected readonly pageSizeOptions = [...PAGE_SIZE_OPTIONS];
  protected readonly trajectoryTypes = TRAJECTORY_TYPES.map((type) => TRAJECTORY_TYPE_RULES[type]);
  protected readonly typeRules = TRAJECTORY_TYPE_RULES;

  constructor() {
    this.list.reload();
    if (this.overseesAll()) {
      this.clientsService.staff('coach').subscribe({ next: (staff) => this.coaches.set(staff) });
    }
  }

  protected sortBy(sort: Sort): void {
    const active = sort.active as ClientSort;
    this.sort.set({ active, direction: sort.direction === 'desc' ? 'desc' : 'asc' });
    this.list.restart();
  }

  protected filterTrajectoryType(type: TrajectoryType | null): void {
    this.trajectoryType.set(type);
    this.list.restart();
  }

  protected filterStatus(status: TrajectoryStatus | null): void {
    this.status.set(status);
    this.list.restart();
  }

  protected filterCoach(coachId: string | null): void {
    this.coachId.set(coachId);
    this.list.restart();
  }

  protected trajectoryLabels(client: ClientView): string {
    const types = client.openTrajectoryTypes ?? [];
    return types.length === 0 ? '—' : types.map((type) => TRAJECTORY_TYPE_RULES[type].label).join(', ');
  }

  protected create(): void {
    const data: ClientFormDialogData = { client: null, categories: [] };
    this.dialog
      .open<ClientFormDialog, ClientFormDialogData, ClientView>(ClientFormDialog, { data, width: '760px' })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.snackBar.open('Cliënt geregistreerd', 'Sluiten', { duration: 5000 });
        void this.router.navigate(['/clienten', created.id]);
      });
  }

  protected assign(client: ClientView): void {
    this.dialog
      .open<AssignmentDialog, AssignmentDialogData, ClientView>(AssignmentDialog, {
        data: { client },
        width: '480px',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open('Toewijzing opgeslagen', 'Sluiten', { duration: 5000 });
        this.list.reload();
      });
  }
}
