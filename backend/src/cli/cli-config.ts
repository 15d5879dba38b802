import { ConfigurationError, validateEnvironment } from '../config/environment';
import { AppConfig } from '../config/app-config';

/** The same validated configuration as the server; a bad setting stops the command with one line. */
export function cliConfig(): AppConfig {
  try {
    return new AppConfig(validateEnvironment(process.env));
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export function numberArgument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} verwacht een geheel getal, niet "${process.argv[index + 1] ?? ''}"`);
    process.exit(2);
  }
  return value;
}
