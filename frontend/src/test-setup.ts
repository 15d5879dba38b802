// Material's partially compiled declarations need the JIT compiler loaded before they are imported.
import '@angular/compiler';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
  // jsdom fires no animation events; without this, dialogs wait on a fallback timer before closing.
  extraProviders: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
});
