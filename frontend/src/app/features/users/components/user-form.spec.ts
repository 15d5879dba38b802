import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { PASSWORD_MIN_LENGTH, type UserSummary } from '@werkpad/shared';
import {
  applyServerErrors,
  createUserForm,
  selectedRoles,
  toCreateRequest,
  toUpdateRequest,
  type UserForm,
} from './user-form';

const EXISTING: UserSummary = {
  id: 'u7',
  username: 'jan.jansen',
  displayName: 'Jan Jansen',
  roles: ['coach'],
  active: true,
  lockedUntil: null,
  secondFactor: 'not_required',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

function form(user: UserSummary | null): UserForm {
  return createUserForm(TestBed.inject(NonNullableFormBuilder), user);
}

function fillValid(f: UserForm): void {
  f.patchValue({
    username: 'anna.devries',
    displayName: 'Anna de Vries',
    password: 'a'.repeat(PASSWORD_MIN_LENGTH),
  });
  f.controls.roles.controls.admin.setValue(true);
}

describe('user form', () => {
  describe('new user', () => {
    it('requires username, name, password and a role', () => {
      const f = form(null);
      expect(f.controls.username.hasError('required')).toBe(true);
      expect(f.controls.displayName.hasError('required')).toBe(true);
      expect(f.controls.password.hasError('required')).toBe(true);
      expect(f.controls.roles.hasError('atLeastOneRole')).toBe(true);
      fillValid(f);
      expect(f.valid).toBe(true);
    });

    it(`rejects a password shorter than ${PASSWORD_MIN_LENGTH} characters`, () => {
      const f = form(null);
      fillValid(f);
      f.controls.password.setValue('a'.repeat(PASSWORD_MIN_LENGTH - 1));
      expect(f.controls.password.hasError('minlength')).toBe(true);
      expect(f.valid).toBe(false);
    });

    it.each(['An', 'Anna', '1anna', 'anna devries', 'a'.repeat(41)])('rejects username "%s"', (username) => {
      const f = form(null);
      f.controls.username.setValue(username);
      expect(f.controls.username.hasError('pattern')).toBe(true);
    });

    it.each(['ann', 'anna.de-vries_2', 'a'.repeat(40)])('accepts username "%s"', (username) => {
      const f = form(null);
      f.controls.username.setValue(username);
      expect(f.controls.username.valid).toBe(true);
    });

    it('needs at least one role, and sends the chosen ones in the fixed role order', () => {
      const f = form(null);
      fillValid(f);
      f.controls.roles.controls.admin.setValue(false);
      expect(f.controls.roles.hasError('atLeastOneRole')).toBe(true);
      f.controls.roles.controls.dpo.setValue(true);
      f.controls.roles.controls.coach.setValue(true);
      expect(selectedRoles(f)).toEqual(['coach', 'dpo']);
      expect(toCreateRequest(f)).toEqual({
        username: 'anna.devries',
        displayName: 'Anna de Vries',
        password: 'a'.repeat(PASSWORD_MIN_LENGTH),
        roles: ['coach', 'dpo'],
      });
    });
  });

  describe('existing user', () => {
    it('starts from the user and keeps the username read-only', () => {
      const f = form(EXISTING);
      expect(f.controls.username.disabled).toBe(true);
      expect(f.controls.displayName.value).toBe('Jan Jansen');
      expect(selectedRoles(f)).toEqual(['coach']);
      expect(f.valid).toBe(true);
    });

    it('treats the password as optional but still checks its length', () => {
      const f = form(EXISTING);
      expect(toUpdateRequest(f)).toEqual({ displayName: 'Jan Jansen', roles: ['coach'], active: true });
      f.controls.password.setValue('kort');
      expect(f.controls.password.hasError('minlength')).toBe(true);
      f.controls.password.setValue('b'.repeat(PASSWORD_MIN_LENGTH));
      f.controls.active.setValue(false);
      expect(toUpdateRequest(f)).toEqual({
        displayName: 'Jan Jansen',
        roles: ['coach'],
        active: false,
        password: 'b'.repeat(PASSWORD_MIN_LENGTH),
      });
    });
  });

  it("puts the server's field errors on the matching controls and returns the rest", () => {
    const f = form(null);
    fillValid(f);
    const rest = applyServerErrors(f, [
      { field: 'username', messages: ['Gebruikersnaam is ongeldig.'] },
      { field: 'roles', messages: ['Onbekende rol.'] },
      { field: 'somethingElse', messages: ['Algemene fout.'] },
    ]);
    expect(f.controls.username.getError('server')).toBe('Gebruikersnaam is ongeldig.');
    expect(f.controls.roles.getError('server')).toBe('Onbekende rol.');
    expect(rest).toEqual(['Algemene fout.']);
  });
});
