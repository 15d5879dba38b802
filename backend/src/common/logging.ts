import { type Params } from 'nestjs-pino';
import { type DestinationStream } from 'pino';
import { type Options } from 'pino-http';

import { RequestContext } from './request-context';

/**
 * Paths pino masks in every log line: credentials, tokens, and personal data fields a developer
 * might log by accident (BSN, names). Query strings are dropped from logged URLs because search
 * texts can hold names or a BSN.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.bsn',
  '*.firstName',
  '*.lastName',
  '*.displayName',
  '*.name',
  'password',
  'bsn',
  'accessToken',
  'refreshToken',
];

/** `destination` lets a test read every log line the app writes (the R-MED-06 canary test). */
export function loggerParams(level: string, destination?: DestinationStream): Params {
  const options: Options = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[verborgen]' },
    genReqId: () => RequestContext.current()?.requestId ?? 'geen-id',
    serializers: {
      req: (req: { id?: string; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        url: (req.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
  };
  return { pinoHttp: destination ? [options, destination] : options, forRoutes: ['{*path}'] };
}
