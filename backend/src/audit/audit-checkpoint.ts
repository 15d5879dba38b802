import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * Signed checkpoints of the audit chain (R-AUD-02, BIO2 8.15). A checkpoint fixes the head of the
 * chain (its seq and hash) and the number of rows up to it, signed with an Ed25519 key that is kept
 * outside the database. Whoever can rewrite the log can recompute every hash, but cannot sign a new
 * checkpoint, so a rewritten or shortened chain no longer matches the latest checkpoint.
 */

/** PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const FORMAT = 'werkpad-audit-checkpoint-v1';

export interface CheckpointKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** First 16 hex characters of SHA-256 over the raw public key: names the key without revealing it. */
  readonly keyId: string;
}

/** What a checkpoint states; `seq` and `headHash` are '0' and '' for an empty log. */
export interface CheckpointPayload {
  readonly seq: string;
  readonly rowCount: number;
  readonly headHash: string;
  readonly createdAt: string;
  readonly keyId: string;
}

export interface SignedCheckpoint extends CheckpointPayload {
  readonly format: typeof FORMAT;
  /** Ed25519 signature (base64) over `checkpointMessage(payload)`. */
  readonly signature: string;
}

export function checkpointKeyFromSeed(seedBase64: string): CheckpointKey {
  const seed = Buffer.from(seedBase64, 'base64');
  if (seed.length !== 32) throw new Error('AUDIT_CHECKPOINT_KEY must be 32 bytes, base64-encoded');
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  // An Ed25519 SPKI is a fixed 12-byte header followed by the 32-byte raw key.
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { privateKey, publicKey, keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16) };
}

/** The signed bytes: a JSON array in fixed order, so that key order in the file never matters. */
export function checkpointMessage(payload: CheckpointPayload): Buffer {
  return Buffer.from(
    JSON.stringify([
      FORMAT,
      payload.seq,
      payload.rowCount,
      payload.headHash,
      payload.createdAt,
      payload.keyId,
    ]),
    'utf8',
  );
}

export function signCheckpoint(payload: CheckpointPayload, key: CheckpointKey): SignedCheckpoint {
  return {
    format: FORMAT,
    seq: payload.seq,
    rowCount: payload.rowCount,
    headHash: payload.headHash,
    createdAt: payload.createdAt,
    keyId: payload.keyId,
    signature: sign(null, checkpointMessage(payload), key.privateKey).toString('base64'),
  };
}

/** Null when the signature holds; otherwise why not (in English, like the chain check's reasons). */
export function checkpointSignatureProblem(checkpoint: SignedCheckpoint, key: CheckpointKey): string | null {
  if (checkpoint.keyId !== key.keyId) {
    return `checkpoint was signed with another key (${checkpoint.keyId}, expected ${key.keyId})`;
  }
  const valid = verify(
    null,
    checkpointMessage(checkpoint),
    key.publicKey,
    Buffer.from(checkpoint.signature, 'base64'),
  );
  return valid ? null : 'checkpoint signature is not valid';
}

/** Reads a checkpoint file's JSON; null when it is not one (a broken file is reported, not thrown). */
export function parseCheckpoint(text: string): SignedCheckpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const strings = ['seq', 'headHash', 'createdAt', 'keyId', 'signature'] as const;
  if (record['format'] !== FORMAT) return null;
  if (!strings.every((field) => typeof record[field] === 'string')) return null;
  if (typeof record['rowCount'] !== 'number' || !Number.isInteger(record['rowCount'])) return null;
  if (!/^\d+$/.test(record['seq'] as string)) return null;
  return {
    format: FORMAT,
    seq: record['seq'] as string,
    rowCount: record['rowCount'],
    headHash: record['headHash'] as string,
    createdAt: record['createdAt'] as string,
    keyId: record['keyId'] as string,
    signature: record['signature'] as string,
  };
}

/** e.g. checkpoint-20261122T101500123Z-000000000042.json: sorts by time, names the head. */
export function checkpointFileName(payload: CheckpointPayload): string {
  const time = payload.createdAt.replace(/[-:.]/g, '');
  return `checkpoint-${time}-${payload.seq.padStart(12, '0')}.json`;
}

export const CHECKPOINT_FILE_PATTERN = /^checkpoint-\d{8}T\d{9}Z-\d+\.json$/;
