import { Pipe, type PipeTransform } from '@angular/core';
import { type Role, ROLE_LABELS } from '@werkpad/shared';

/** Role ids are for machines; people read the Dutch labels. */
@Pipe({ name: 'roleLabels' })
export class RoleLabelsPipe implements PipeTransform {
  transform(roles: readonly Role[]): string {
    return roles.map((role) => ROLE_LABELS[role]).join(', ');
  }
}
