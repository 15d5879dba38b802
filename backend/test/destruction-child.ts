// A separate process that runs a destruction list, for the kill -9 test in
// modules/destruction/destruction-resume.int.spec.ts: started with ts-node, it builds the app from the
// environment; at start-up the DestructionRunner resumes every list that is `running`.
import 'reflect-metadata';

import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { validateEnvironment } from '../src/config/environment';

async function main(): Promise<void> {
  const app = await createApp(new AppConfig(validateEnvironment(process.env)));
  await app.init();
  process.stdout.write('started\n');
}

void main();
