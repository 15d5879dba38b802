import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { DestructionLists } from '../components/destruction-lists';
import { RetentionOverviewPanel } from '../components/retention-overview';
import { RetentionPoliciesPanel } from '../components/retention-policies';

/** Retention and destruction for the records manager and the FG (R-RET-01..05). */
@Component({
  selector: 'wp-retention-page',
  imports: [MatTabsModule, DestructionLists, RetentionOverviewPanel, RetentionPoliciesPanel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Bewaartermijnen en vernietiging</h1>
    <p>
      Elk dossier wordt bewaard tot de termijn na afsluiting verstreken is. Vernietigen gebeurt via een lijst
      die functioneel beheer beoordeelt en de FG goedkeurt; daarna volgt een verklaring van vernietiging.
    </p>
    <mat-tab-group>
      <mat-tab label="Vernietigingslijsten"><wp-destruction-lists /></mat-tab>
      <mat-tab label="Overzicht"
        ><ng-template matTabContent><wp-retention-overview /></ng-template
      ></mat-tab>
      <mat-tab label="Bewaarbeleid"
        ><ng-template matTabContent><wp-retention-policies /></ng-template
      ></mat-tab>
    </mat-tab-group>
  `,
})
export class RetentionPage {}
