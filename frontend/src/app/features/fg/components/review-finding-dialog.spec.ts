import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import type { Finding } from '@werkpad/shared';
import { ReviewFindingDialog } from './review-finding-dialog';

const FINDING: Finding = {
  key: 'emergency:1234',
  kind: 'emergency',
  occurredAt: '2026-03-01T21:15:00Z',
  userId: 'u1',
  username: 'coach1',
  clientIds: ['c1'],
  description: 'Noodtoegang gebruikt: coach onbereikbaar.',
  auditSeqs: ['77'],
  review: null,
};

describe('ReviewFindingDialog', () => {
  let fixture: ComponentFixture<ReviewFindingDialog>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  const close = jest.fn();

  beforeEach(async () => {
    close.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { finding: FINDING } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReviewFindingDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const note = () => loader.getHarness(MatInputHarness);
  const save = async () =>
    (await loader.getHarness(MatButtonHarness.with({ text: 'Beoordeling opslaan' }))).click();
  const errors = async () => (await loader.getHarness(MatFormFieldHarness)).getTextErrors();

  it('shows the finding in Dutch, in Dutch time', () => {
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('Noodtoegang');
    expect(text).toContain('01-03-2026 22:15');
    expect(text).toContain('coach1');
    expect(text).toContain('Noodtoegang gebruikt: coach onbereikbaar.');
  });

  it('requires a note, and a note of only spaces is no note', async () => {
    await save();
    expect(await errors()).toEqual(['Vul een notitie in.']);
    await (await note()).setValue('   ');
    await save();
    expect(await errors()).toEqual(['Vul een notitie in.']);
    backend.expectNone('/api/findings/review');
    expect(close).not.toHaveBeenCalled();
  });

  it('saves the trimmed note for this finding and closes with the reviewed finding', async () => {
    await (await note()).setValue('  Besproken met de teamleider; terecht gebruikt.  ');
    await save();
    const request = backend.expectOne('/api/findings/review');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      key: 'emergency:1234',
      note: 'Besproken met de teamleider; terecht gebruikt.',
    });
    const reviewed: Finding = {
      ...FINDING,
      review: {
        reviewedBy: 'u-dpo',
        reviewedByName: 'Fenna FG',
        reviewedAt: '2026-03-02T08:00:00Z',
        note: 'Besproken met de teamleider; terecht gebruikt.',
      },
    };
    request.flush(reviewed);
    expect(close).toHaveBeenCalledWith(reviewed);
  });

  it("shows the API's message and stays open when saving fails", async () => {
    await (await note()).setValue('Akkoord.');
    await save();
    backend
      .expectOne('/api/findings/review')
      .flush(
        { statusCode: 404, message: 'Bevinding niet gevonden' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Bevinding niet gevonden');
    expect(close).not.toHaveBeenCalled();
  });
});
