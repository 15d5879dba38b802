import { Writable } from 'node:stream';

import pino from 'pino';

import { REDACTED_PATHS } from './logging';

function capture(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ redact: { paths: REDACTED_PATHS, censor: '[verborgen]' } }, stream), lines };
}

describe('log redaction', () => {
  it('hides tokens, passwords, BSNs and names wherever a developer logs them', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJhbGciOi.geheim', cookie: 'werkpad_refresh=abc' } },
        body: { username: 'coach1', password: 'Wachtwoord-123' },
        client: { bsn: '999990019', firstName: 'Anna', lastName: 'de Vries', city: 'Ede' },
        user: { displayName: 'Carla Coach' },
        accessToken: 'eyJ.token',
      },
      'verzoek',
    );
    const line = lines.join('');
    for (const secret of [
      'eyJhbGciOi',
      'werkpad_refresh=abc',
      'Wachtwoord-123',
      '999990019',
      'Anna',
      'de Vries',
      'Carla Coach',
      'eyJ.token',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[verborgen]');
    expect(line).toContain('"city":"Ede"');
    expect(line).toContain('"username":"coach1"');
  });
});
