import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  RETENTION_PART_LABELS,
  type RetentionPolicies,
  type RetentionPolicyView,
  TRAJECTORY_TYPE_RULES,
} from '@werkpad/shared';
import { AuthService } from '../../../core/auth/auth.service';
import { apiErrorMessage } from '../../../core/http/api-error';
import { dutchDateTime } from '../../../shared/dutch-dates';
import { RetentionService } from '../services/retention.service';

/** R-RET-01: the periods as data, their history, and a recorded change by the records manager. */
@Component({
  selector: 'wp-retention-policies',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './retention-policies.html',
  styleUrl: './retention-tables.scss',
})
export class RetentionPoliciesPanel {
  private readonly retention = inject(RetentionService);
  private readonly ability = inject(AuthService).ability;
  protected readonly policies = signal<RetentionPolicies | null>(null);
  protected readonly editing = signal<RetentionPolicyView | null>(null);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly dateTime = dutchDateTime;
  protected readonly canChange = () => this.ability().can('update', 'RetentionPolicy');
  protected readonly form = new FormGroup({
    years: new FormControl(10, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(1), Validators.max(100)],
    }),
    legalGround: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3)],
    }),
    source: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(3)],
    }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(10)],
    }),
  });

  constructor() {
    this.load();
  }

  protected label(policy: RetentionPolicyView): string {
    return `${TRAJECTORY_TYPE_RULES[policy.trajectoryType].label} – ${RETENTION_PART_LABELS[policy.part]}`;
  }

  protected edit(policy: RetentionPolicyView): void {
    this.editing.set(policy);
    this.form.reset({
      years: policy.years,
      legalGround: policy.legalGround,
      source: policy.source,
      reason: '',
    });
  }

  protected save(): void {
    const policy = this.editing();
    this.form.markAllAsTouched();
    if (!policy || this.form.invalid) return;
    const value = this.form.getRawValue();
    this.retention
      .changePolicy({
        trajectoryType: policy.trajectoryType,
        part: policy.part,
        ...value,
        years: Number(value.years),
      })
      .subscribe({
        next: (changed) => {
          this.message.set(`${this.label(changed)}: nu ${changed.years} jaar (versie ${changed.version}).`);
          this.editing.set(null);
          this.load();
        },
        error: (error: unknown) =>
          this.error.set(apiErrorMessage(error, 'De termijn kon niet worden gewijzigd.')),
      });
  }

  private load(): void {
    this.retention.policies().subscribe({
      next: (policies) => this.policies.set(policies),
      error: (error: unknown) =>
        this.error.set(apiErrorMessage(error, 'Het bewaarbeleid kon niet worden geladen.')),
    });
  }
}
