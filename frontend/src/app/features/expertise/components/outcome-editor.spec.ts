import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import { outcome, TRAJECTORY_ID } from '../../../../testing/expertise';
import { ConfirmDialog, type ConfirmDialogData } from '../../../shared/confirm-dialog';
import { DatePromptDialog } from '../../../shared/date-prompt-dialog';
import { FINALIZE_CONFIRMATION, OutcomeEditor } from './outcome-editor';

const OUTCOME_URL = `/api/trajectories/${TRAJECTORY_ID}/outcome`;
const SAVE_URL = `/api/expertise/trajectories/${TRAJECTORY_ID}/outcome`;

function text(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('OutcomeEditor', () => {
  function render(answers: Array<boolean | string | undefined>, canEdit = true) {
    const open = jest.fn(() => ({ afterClosed: () => of(answers.shift()) }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MatDialog, useValue: { open } },
      ],
    });
    const fixture = TestBed.createComponent(OutcomeEditor);
    fixture.componentRef.setInput('trajectoryId', TRAJECTORY_ID);
    fixture.componentRef.setInput('canEdit', canEdit);
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    const type = (name: string, value: string) => {
      const field = root.querySelector<HTMLTextAreaElement>(`textarea[formcontrolname="${name}"]`);
      if (!field) throw new Error(`${name} missing`);
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    const click = (label: string) =>
      Array.from(root.querySelectorAll('button'))
        .find((b) => text(b) === label)
        ?.click();
    return { fixture, root, open, type, click, backend: TestBed.inject(HttpTestingController) };
  }

  it('R-MED-02: warns that the outcome leaves the Expertisecentrum, so it holds no medical data', async () => {
    const { fixture, root, backend } = render([]);
    backend
      .expectOne(OUTCOME_URL)
      .flush({ message: 'Niet gevonden' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(text(root.querySelector('[role="note"]'))).toContain('Schrijf er geen medische gegevens in');
    expect(text(root)).toContain('Er is nog geen uitkomst opgeslagen.');
  });

  it('saves the first draft without and later drafts with the version they started from', async () => {
    const { fixture, backend, type, click } = render([]);
    backend
      .expectOne(OUTCOME_URL)
      .flush({ message: 'Niet gevonden' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    type('conclusion', 'Conclusie');
    type('advice', 'Advies');
    click('Concept opslaan');
    const first = backend.expectOne(SAVE_URL);
    expect(first.request.method).toBe('PUT');
    expect(first.request.body).toEqual({ conclusion: 'Conclusie', advice: 'Advies' });
    first.flush(outcome({ conclusion: 'Conclusie', advice: 'Advies', version: 1 }));
    await fixture.whenStable();
    type('advice', 'Advies, aangepast');
    click('Concept opslaan');
    expect(backend.expectOne(SAVE_URL).request.body).toEqual({
      conclusion: 'Conclusie',
      advice: 'Advies, aangepast',
      expectedVersion: 1,
    });
  });

  it('R-MED-02: asks for confirmation before finalizing, naming who will read it, and sends nothing on cancel', async () => {
    const { fixture, backend, click, open } = render([false]);
    backend.expectOne(OUTCOME_URL).flush(outcome());
    await fixture.whenStable();
    click('Vaststellen');
    expect(open).toHaveBeenCalledTimes(1);
    const [component, config] = open.mock.calls[0] as unknown as [
      unknown,
      { data: ConfirmDialogData; role: string },
    ];
    expect(component).toBe(ConfirmDialog);
    expect(config.role).toBe('alertdialog');
    expect(config.data).toBe(FINALIZE_CONFIRMATION);
    expect(config.data.message).toContain('trajectbegeleider en de inkomensconsulent');
    expect(config.data.message).toContain('opdrachtgever');
    backend.expectNone(`${SAVE_URL}/finalize`);
  });

  it('R-MED-02: finalizes after the confirmation with confirm: true and the current version, then shows it read-only', async () => {
    const { fixture, root, backend, click } = render([true]);
    backend.expectOne(OUTCOME_URL).flush(outcome({ version: 3 }));
    await fixture.whenStable();
    click('Vaststellen');
    const finalize = backend.expectOne(`${SAVE_URL}/finalize`);
    expect(finalize.request.body).toEqual({ expectedVersion: 3, confirm: true });
    finalize.flush(
      outcome({
        status: 'final',
        version: 4,
        finalizedAt: '2026-04-02T10:05:00.000Z',
        finalizedByName: 'Eva Expertise',
      }),
    );
    await fixture.whenStable();
    expect(root.querySelector('textarea')).toBeNull();
    expect(text(root.querySelector('[data-testid="outcome-status"]'))).toContain(
      'Vastgesteld op 02-04-2026 12:05 door Eva Expertise',
    );
    expect(text(root.querySelector('[data-testid="sent-to-client"]'))).toBe('Nog niet');
  });

  it('saves unsaved changes first, so what was confirmed is what becomes final', async () => {
    const { fixture, backend, click, type } = render([true]);
    backend.expectOne(OUTCOME_URL).flush(outcome({ version: 3 }));
    await fixture.whenStable();
    type('conclusion', 'Nieuwe conclusie');
    click('Vaststellen');
    const save = backend.expectOne(SAVE_URL);
    expect(save.request.body).toMatchObject({ conclusion: 'Nieuwe conclusie', expectedVersion: 3 });
    save.flush(outcome({ conclusion: 'Nieuwe conclusie', version: 4 }));
    expect(backend.expectOne(`${SAVE_URL}/finalize`).request.body).toEqual({
      expectedVersion: 4,
      confirm: true,
    });
  });

  it('R-MED-03: records the Dutch date the final outcome was sent to the client', async () => {
    const { fixture, root, backend, click, open } = render(['2026-04-03']);
    backend
      .expectOne(OUTCOME_URL)
      .flush(outcome({ status: 'final', finalizedAt: '2026-04-02T10:05:00.000Z' }));
    await fixture.whenStable();
    click('Verzending aan cliënt vastleggen');
    expect((open.mock.calls[0] as unknown[])[0]).toBe(DatePromptDialog);
    const sent = backend.expectOne(`${SAVE_URL}/sent-to-client`);
    expect(sent.request.body).toEqual({ sentOn: '2026-04-03' });
    sent.flush(outcome({ status: 'final', sentToClientOn: '2026-04-03' }));
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="sent-to-client"]'))).toBe('03-04-2026');
  });

  it('explains a conflict (409) in Dutch and offers to load the outcome again', async () => {
    const { fixture, root, backend, click } = render([]);
    backend.expectOne(OUTCOME_URL).flush(outcome());
    await fixture.whenStable();
    click('Concept opslaan');
    backend.expectOne(SAVE_URL).flush({ message: 'Conflict' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(text(root.querySelector('[role="alert"]'))).toContain(
      'De uitkomst is intussen door iemand anders gewijzigd',
    );
    click('Opnieuw laden');
    backend.expectOne(OUTCOME_URL).flush(outcome({ version: 5 }));
  });
});
