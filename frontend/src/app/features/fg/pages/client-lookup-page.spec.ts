import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ClientLookupPage } from './client-lookup-page';

@Component({ selector: 'wp-overview-stub', template: 'overzicht' })
class OverviewStub {}

const CLIENT = '0f8c2a1e-5d6b-4c3a-9e8f-123456789abc';

describe('ClientLookupPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let loader: HarnessLoader;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'fg/toegangslog/clienten', component: ClientLookupPage },
          { path: 'fg/toegangslog/clienten/:clientId', component: OverviewStub },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/fg/toegangslog/clienten', ClientLookupPage);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  });

  afterEach(() => backend.verify());

  const bsn = () => loader.getHarness(MatInputHarness);
  const lookup = async () => (await loader.getHarness(MatButtonHarness.with({ text: 'Opzoeken' }))).click();
  const errors = async () => (await loader.getHarness(MatFormFieldHarness)).getTextErrors();

  it('checks the BSN with the 11-proef before asking the API', async () => {
    await lookup();
    expect(await errors()).toEqual(['Vul een BSN in.']);
    await (await bsn()).setValue('123456789');
    await lookup();
    expect(await errors()).toEqual(['Dit is geen geldig BSN (9 cijfers die de 11-proef doorstaan).']);
    backend.expectNone('/api/access-log/client-lookup');
  });

  it('opens the access overview of the client found, keeping the BSN out of the URL', async () => {
    await (await bsn()).setValue('111 222 333');
    await lookup();
    const request = backend.expectOne('/api/access-log/client-lookup');
    expect(request.request.body).toEqual({ bsn: '111222333' });
    request.flush({ clientId: CLIENT });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(`/fg/toegangslog/clienten/${CLIENT}`);
  });

  it('says "Geen cliënt met dit BSN" on a 404', async () => {
    await (await bsn()).setValue('111222333');
    await lookup();
    backend
      .expectOne('/api/access-log/client-lookup')
      .flush({ statusCode: 404, message: 'Niet gevonden' }, { status: 404, statusText: 'Not Found' });
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.textContent).toContain('Geen cliënt met dit BSN.');
    expect(TestBed.inject(Router).url).toBe('/fg/toegangslog/clienten');
  });
});
