import { basename } from 'node:path';

import { DOCUMENT_MEDIA_TYPES } from '@werkpad/shared';

/** The declared type without parameters (`text/plain; charset=utf-8` → `text/plain`), lower case. */
export function normaliseMediaType(declared: string): string {
  return declared.split(';')[0].trim().toLowerCase();
}

export function isAllowedMediaType(mediaType: string): boolean {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_MEDIA_TYPES, mediaType);
}

const startsWith = (content: Buffer, signature: readonly number[]): boolean =>
  content.length >= signature.length && signature.every((byte, index) => content[index] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\x03\x04: docx and odt are ZIP containers

function isPlainText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the bytes are what the uploader says they are, by their signature ("magic bytes"), so a
 * file with a harmless label cannot carry other content into the file.
 */
export function contentMatchesType(mediaType: string, content: Buffer): boolean {
  switch (mediaType) {
    case 'application/pdf':
      return startsWith(content, PDF);
    case 'image/jpeg':
      return startsWith(content, JPEG);
    case 'image/png':
      return startsWith(content, PNG);
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    case 'application/vnd.oasis.opendocument.text':
      return startsWith(content, ZIP);
    case 'text/plain':
      return isPlainText(content);
    default:
      return false;
  }
}

const FILE_NAME_MAX = 200;
// C0/C1 control characters and the bidirectional overrides that can disguise an extension.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The name to store and offer on download: no folders, no control characters, at most 200 characters. */
export function sanitiseFileName(original: string): string {
  const withoutFolders = basename(original.replace(/\\/g, '/'));
  const cleaned = withoutFolders.replace(UNSAFE_CHARACTERS, '').trim();
  const name = cleaned === '' || cleaned === '.' || cleaned === '..' ? 'document' : cleaned;
  return [...name].slice(0, FILE_NAME_MAX).join('');
}

/** `attachment` with an ASCII fallback and the exact name as RFC 5987 `filename*`. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
