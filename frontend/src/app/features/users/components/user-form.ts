import {
  type AbstractControl,
  type FormControl,
  type FormGroup,
  type NonNullableFormBuilder,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import {
  type ApiFieldError,
  type CreateUserRequest,
  PASSWORD_MIN_LENGTH,
  type Role,
  ROLES,
  type UpdateUserRequest,
  USERNAME_PATTERN,
  type UserSummary,
} from '@werkpad/shared';

export type RolesGroup = FormGroup<Record<Role, FormControl<boolean>>>;

export interface UserFormControls {
  username: FormControl<string>;
  displayName: FormControl<string>;
  password: FormControl<string>;
  roles: RolesGroup;
  active: FormControl<boolean>;
}

export type UserForm = FormGroup<UserFormControls>;

export const DUPLICATE_USERNAME_MESSAGE = 'Deze gebruikersnaam bestaat al';

/** Every account needs a role: an account without one could log in but do nothing, which confuses. */
export function atLeastOneRole(group: AbstractControl): ValidationErrors | null {
  const values = Object.values(group.value as Record<string, boolean>);
  return values.some(Boolean) ? null : { atLeastOneRole: true };
}

/**
 * The same form serves "new" (user null) and "edit". The username cannot change after creation,
 * and on edit the password is optional: empty means "keep the current one".
 */
export function createUserForm(fb: NonNullableFormBuilder, user: UserSummary | null): UserForm {
  const isNew = user === null;
  const roleControls = Object.fromEntries(
    ROLES.map((role) => [role, fb.control(user?.roles.includes(role) ?? false)]),
  ) as Record<Role, FormControl<boolean>>;
  const passwordLength = Validators.minLength(PASSWORD_MIN_LENGTH);

  return fb.group({
    username: fb.control(
      { value: user?.username ?? '', disabled: !isNew },
      isNew ? [Validators.required, Validators.pattern(USERNAME_PATTERN)] : [],
    ),
    displayName: fb.control(user?.displayName ?? '', [Validators.required, Validators.maxLength(200)]),
    password: fb.control('', isNew ? [Validators.required, passwordLength] : [passwordLength]),
    roles: fb.group(roleControls, { validators: atLeastOneRole }),
    active: fb.control(user?.active ?? true),
  });
}

export function selectedRoles(form: UserForm): Role[] {
  const value = form.controls.roles.getRawValue();
  return ROLES.filter((role) => value[role]);
}

export function toCreateRequest(form: UserForm): CreateUserRequest {
  const value = form.getRawValue();
  return {
    username: value.username.trim(),
    displayName: value.displayName.trim(),
    password: value.password,
    roles: selectedRoles(form),
  };
}

export function toUpdateRequest(form: UserForm): UpdateUserRequest {
  const value = form.getRawValue();
  return {
    displayName: value.displayName.trim(),
    roles: selectedRoles(form),
    active: value.active,
    // Only send a password when the admin typed one; an empty string would be rejected.
    ...(value.password ? { password: value.password } : {}),
  };
}

/**
 * Puts the API's 400 field errors on the matching controls (shown by mat-error as `server`) and
 * returns the messages that belong to no control, for the general alert.
 */
export function applyServerErrors(form: UserForm, errors: readonly ApiFieldError[]): string[] {
  const unmatched: string[] = [];
  for (const { field, messages } of errors) {
    const control = form.get(field.split('.')[0]);
    if (control && control.enabled) {
      control.setErrors({ ...control.errors, server: messages.join(' ') });
      control.markAsTouched();
    } else {
      unmatched.push(...messages);
    }
  }
  return unmatched;
}
