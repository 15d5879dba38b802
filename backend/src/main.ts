import 'reflect-metadata';

import { migrateDatabase } from '@werkpad/db';

import { createApp } from './app.factory';
import { AppConfig } from './config/app-config';
import { ConfigurationError, validateEnvironment } from './config/environment';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = new AppConfig(validateEnvironment(process.env));
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.migrateOnBoot) await migrateDatabase(config.databaseUrl, config.rolePasswords);
  const app = await createApp(config);
  await app.listen(config.port);
}

void bootstrap();
