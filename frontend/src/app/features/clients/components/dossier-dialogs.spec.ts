import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { DataCategory, TrajectoryView } from '@werkpad/shared';
import { provideDutchDates } from '../../../shared/dutch-dates';
import { DocumentUploadDialog, fileProblem } from './document-upload-dialog';
import { DossierEntryDialog } from './dossier-entry-dialog';

const TRAJECTORY = {
  id: 't1',
  type: 'bemiddeling',
  status: 'open',
  startDate: '2025-01-06',
} as TrajectoryView;
const WRITABLE: DataCategory[] = ['identity', 'contact', 'progress', 'benefit_impact', 'coaching_notes'];

function setUp<T>(component: Type<T>) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      ...provideDutchDates(),
      {
        provide: MAT_DIALOG_DATA,
        useValue: { clientId: 'c1', trajectories: [TRAJECTORY], writable: WRITABLE },
      },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(component);
  return { fixture, close, backend: TestBed.inject(HttpTestingController) };
}

describe('DossierEntryDialog', () => {
  it('offers per kind only its categories, and asks who decided for a decision (R-HUM-01)', async () => {
    const { fixture } = setUp(DossierEntryDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const [, kind, category] =
      await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatSelectHarness);

    // A conversation note can only be a coaching note, so it is chosen already.
    expect(await category.getValueText()).toBe('Gespreksverslagen');
    expect(root.textContent).not.toContain('Besluit genomen door');

    await kind.open();
    await kind.clickOptions({ text: 'Besluit' });
    await category.open();
    expect(await Promise.all((await category.getOptions()).map((option) => option.getText()))).toEqual([
      'Voortgang',
      'Gevolgen voor uitkering',
    ]);
    await category.close();
    expect(root.textContent).toContain('Besluit genomen door');
  });

  it('does not send a decision without the name of who took it', async () => {
    const { fixture, backend } = setUp(DossierEntryDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const [, kind] = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatSelectHarness);
    await kind.open();
    await kind.clickOptions({ text: 'Besluit' });
    const title = root.querySelector<HTMLInputElement>('input[formcontrolname="title"]');
    if (!title) throw new Error('title missing');
    title.value = 'Besluit route';
    title.dispatchEvent(new Event('input'));
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    backend.expectNone('/api/clients/c1/dossier');
    expect(root.textContent).toContain('Vul in wie het besluit nam.');
  });
});

describe('DocumentUploadDialog', () => {
  const file = (type: string, size = 10) => new File([new Uint8Array(size)], 'brief.pdf', { type });

  it('checks type and size before sending', () => {
    expect(fileProblem(null)).toBe('Kies een bestand.');
    expect(fileProblem(file('application/pdf'))).toBeNull();
    expect(fileProblem(file('application/x-msdownload'))).toContain(
      'Dit soort bestand wordt niet aangenomen',
    );
    expect(fileProblem(file('application/pdf', 0))).toBe('Het bestand is leeg.');
  });

  it("shows the server's reason when it refuses an upload", async () => {
    const { fixture, backend, close } = setUp(DocumentUploadDialog);
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    const input = root.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('file input missing');
    const pdf = file('application/pdf');
    Object.defineProperty(input, 'files', { value: { 0: pdf, length: 1, item: () => pdf } });
    input.dispatchEvent(new Event('change'));
    const [, category] = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatSelectHarness);
    await category.open();
    await category.clickOptions({ text: 'Voortgang' });
    root.querySelector('form')?.dispatchEvent(new Event('submit'));

    const request = backend.expectOne('/api/clients/c1/documents');
    const body = request.request.body as FormData;
    expect(body.get('title')).toBe('brief');
    expect(body.get('receivedViaWhatsapp')).toBe('false');
    request.flush(
      { message: 'De inhoud van het bestand is geen PDF.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'De inhoud van het bestand is geen PDF.',
    );
    expect(close).not.toHaveBeenCalled();
  });
});
