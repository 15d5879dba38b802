import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PackedRule } from '@werkpad/shared';
import { ADMIN_RULES, COACH_RULES, DPO_RULES } from '../../../testing/users';
import { buildAbility } from '../auth/ability';
import { MainNav } from './main-nav';

function renderNav(rules: readonly PackedRule[]): HTMLElement {
  const fixture = TestBed.createComponent(MainNav);
  fixture.componentRef.setInput('ability', buildAbility(rules));
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

/** The links' text without aria-hidden parts (the icon ligatures): roughly their accessible names. */
function linkNames(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('a')).map((link) => {
    const copy = link.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return copy.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  });
}

describe('MainNav', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideRouter([])] }));

  it('is a navigation landmark named "Hoofdnavigatie"', () => {
    const nav = renderNav(COACH_RULES).querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('Hoofdnavigatie');
  });

  it('shows a coach only Start and Mijn cliënten', () => {
    const root = renderNav(COACH_RULES);
    expect(linkNames(root)).toEqual(['Start', 'Mijn cliënten']);
    expect(root.querySelector('a[href="/clienten"]')).not.toBeNull();
    expect(root.querySelector('a[href="/beheer/gebruikers"]')).toBeNull();
  });

  it('shows an admin Start and Gebruikersbeheer, not the caseload', () => {
    const root = renderNav(ADMIN_RULES);
    expect(linkNames(root)).toEqual(['Start', 'Gebruikersbeheer']);
    expect(root.querySelector('a[href="/beheer/gebruikers"]')).not.toBeNull();
  });

  it("shows the DPO the FG's workplace and the audit check", () => {
    expect(linkNames(renderNav(DPO_RULES))).toEqual([
      'Start',
      'FG-werkplek',
      'Toegangslog',
      'Bevindingen',
      'Auditlog controleren',
    ]);
  });

  it('shows only Start without rules', () => {
    expect(linkNames(renderNav([]))).toEqual(['Start']);
  });

  it('hides the icons from assistive technology', () => {
    const root = renderNav(ADMIN_RULES);
    const icons = Array.from(root.querySelectorAll('mat-icon'));
    expect(icons.length).toBe(2);
    expect(icons.every((icon) => icon.getAttribute('aria-hidden') === 'true')).toBe(true);
  });
});
