import { AppError } from '../http/errors.js';
import type { FileType } from './sniff.js';

const MAX_NAME = 120;
const MAX_EXTENSION = 10;
const FALLBACK = 'file';

/** C0/C1 controls, zero-width, bidi embeddings/overrides/isolates and BOM: they disguise what a name says. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Path separators, including look-alikes, and the characters Windows refuses in a file name. */
const SEPARATORS = /[/\\\u2044\u2215\u29f8\uff0f\uff3c]/;
const RESERVED = /[<>:"|?*]/g;

function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : null;
}

/**
 * The name an attachment is shown and downloaded under. It never names a file on disk; it is cleaned so
 * that a browser's save dialog and the people reading lists see what the file is: the last path segment
 * only, no invisible or reordering characters, no leading or trailing dots and spaces, bounded length.
 */
export function sanitizeFileName(raw: string): string {
  const cleaned = raw.normalize('NFC').replace(INVISIBLE, '');
  const last = cleaned.split(SEPARATORS).pop() ?? '';
  const name = last.replace(RESERVED, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = [...name];
  if (chars.length <= MAX_NAME) return name;
  const ext = extensionOf(name);
  if (!ext || ext.length > MAX_EXTENSION) return chars.slice(0, MAX_NAME).join('');
  const base = [...name.slice(0, name.length - ext.length - 1)].slice(0, MAX_NAME - ext.length - 1).join('');
  return `${base.replace(/[\s.]+$/, '')}.${ext}`;
}

/**
 * The display name for content of a sniffed type: a name claiming another type (`a.pdf` holding a PNG,
 * `report.pdf.exe`) is refused; a name without an extension gets the type's own.
 */
export function attachmentName(raw: string, type: FileType): string {
  const name = sanitizeFileName(raw) || FALLBACK;
  const ext = extensionOf(name);
  if (ext === null) return `${name}.${type.extensions[0]}`;
  if (!type.extensions.includes(ext)) throw new AppError('FILE_TYPE_REJECTED', { reason: 'extension' });
  return name;
}
