import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import type { AccessGround } from '@werkpad/shared';
import { ClientAccessGrounds } from './client-access-grounds';

const GROUNDS: AccessGround[] = [
  {
    category: 'identity',
    grounds: [{ kind: 'role_policy', reference: 'Coach: cliënten in de eigen caseload' }],
  },
  {
    category: 'financial',
    grounds: [
      { kind: 'role_policy', reference: 'Coach: cliënten in de eigen caseload' },
      { kind: 'role_policy', reference: 'Inkomensconsulent: lopende intake' },
    ],
  },
];

describe('ClientAccessGrounds', () => {
  async function open(answer: AccessGround[] | 'error') {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(ClientAccessGrounds);
    fixture.componentRef.setInput('clientId', 'c1');
    const backend = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    // Nothing is asked (and audited) until the user opens the panel.
    backend.expectNone('/api/clients/c1/access-grounds');
    const panel = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatExpansionPanelHarness);
    expect(await panel.getTitle()).toBe('Waarom zie ik dit?');
    await panel.expand();
    const request = backend.expectOne('/api/clients/c1/access-grounds');
    if (answer === 'error') request.flush({ message: 'Fout' }, { status: 500, statusText: 'Error' });
    else request.flush(answer);
    await fixture.whenStable();
    return { root: fixture.nativeElement as HTMLElement, backend, panel };
  }

  it('lists each category with its Dutch label and the rule that grants it', async () => {
    const { root, backend, panel } = await open(GROUNDS);
    expect(root.textContent).toContain('U ziet deze gegevens van de cliënt op grond van:');
    const identity = root.querySelector('[data-testid="ground-identity"]');
    expect(identity?.querySelector('dt')?.textContent).toBe('Identiteit');
    expect(identity?.querySelector('dd')?.textContent).toBe('Coach: cliënten in de eigen caseload');
    const financial = root.querySelector('[data-testid="ground-financial"]');
    expect(financial?.querySelector('dt')?.textContent).toBe('Financiële situatie en schulden');
    expect(Array.from(financial?.querySelectorAll('dd') ?? []).map((dd) => dd.textContent)).toEqual([
      'Coach: cliënten in de eigen caseload',
      'Inkomensconsulent: lopende intake',
    ]);
    // Closing and opening again does not ask (and audit) again.
    await panel.collapse();
    await panel.expand();
    backend.expectNone('/api/clients/c1/access-grounds');
    backend.verify();
  });

  it('says so when there is nothing to explain', async () => {
    const { root } = await open([]);
    expect(root.textContent).toContain('U ziet geen gegevens van deze cliënt die een grond nodig hebben.');
    expect(root.querySelector('dl')).toBeNull();
  });

  it('reports a failure in words', async () => {
    const { root } = await open('error');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('kon niet worden opgehaald');
  });
});
