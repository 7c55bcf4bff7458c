import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the API drops its e-mails (MAIL_DIR, checked by playwright.config.ts). */
export const mailDir = process.env.MAIL_DIR!;

/** A tiny MIME reader for the .eml files the API writes: headers, multipart, quoted-printable, base64. */
interface Part {
  headers: Map<string, string>;
  body: string;
}

function parsePart(raw: string): Part {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? '' : text.slice(split + 2);
  const headers = new Map<string, string>();
  // Unfold continuation lines, then split "Name: value".
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return part.body;
}

/** The text/plain content of a message (the first text part of a multipart one). */
export function textOf(raw: string): string {
  const stack = [parsePart(raw)];
  while (stack.length > 0) {
    const part = stack.shift()!;
    const type = part.headers.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      const pieces = part.body.split(`--${boundary}`).slice(1);
      for (const piece of pieces) {
        if (piece.startsWith('--')) break;
        stack.push(parsePart(piece.replace(/^\r?\n/, '')));
      }
    } else if (type.toLowerCase().startsWith('text/plain')) {
      return decodeBody(part);
    }
  }
  throw new Error('No text/plain part in the message');
}

function recipientOf(raw: string): string {
  return (parsePart(raw).headers.get('to') ?? '').toLowerCase();
}

/**
 * Waits for an e-mail to `address` holding a link to `page` (e.g. "confirm-email") and returns that
 * link, path and fragment included.
 */
export async function waitForLink(mailDir: string, address: string, page: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const pattern = new RegExp(`https?://[^\\s"<>]+/${page}#token=[^\\s"<>]+`);
  while (Date.now() < deadline) {
    const names = await readdir(mailDir).catch(() => [] as string[]);
    for (const name of names
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .reverse()) {
      const raw = await readFile(join(mailDir, name), 'utf8');
      if (!recipientOf(raw).includes(address.toLowerCase())) continue;
      const link = pattern.exec(textOf(raw))?.[0];
      if (link) return link;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No e-mail with a ${page} link reached ${address} in ${mailDir} within ${timeoutMs} ms`);
}

export interface Message {
  /** Top-level headers, lower-case names. */
  headers: Map<string, string>;
  /** The text/plain content. */
  text: string;
}

/** Waits for an e-mail to `address` whose text matches `pattern` (newest first) and returns it. */
export async function waitForMessage(mailDir: string, address: string, pattern: RegExp, timeoutMs = 20_000): Promise<Message> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = await readdir(mailDir).catch(() => [] as string[]);
    for (const name of names
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .reverse()) {
      const raw = await readFile(join(mailDir, name), 'utf8');
      if (!recipientOf(raw).includes(address.toLowerCase())) continue;
      const text = textOf(raw);
      if (pattern.test(text)) return { headers: parsePart(raw).headers, text };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No e-mail matching ${pattern} reached ${address} in ${mailDir} within ${timeoutMs} ms`);
}

/** A leaf part of a message: its headers (lower-case names) and its decoded bytes. */
export interface LeafPart {
  headers: Map<string, string>;
  content: Buffer;
}

/** Every leaf part of a raw message (multipart ones walked), decoded from base64 or quoted-printable. */
export function leafParts(raw: string): LeafPart[] {
  const leaves: LeafPart[] = [];
  const stack = [parsePart(raw)];
  while (stack.length > 0) {
    const part = stack.shift()!;
    const type = part.headers.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.toLowerCase().startsWith('multipart/') && boundary) {
      for (const piece of part.body.split(`--${boundary}`).slice(1)) {
        if (piece.startsWith('--')) break;
        stack.push(parsePart(piece.replace(/^\r?\n/, '')));
      }
      continue;
    }
    const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
    const content = encoding === 'base64' ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64') : Buffer.from(decodeBody(part), 'utf8');
    leaves.push({ headers: part.headers, content });
  }
  return leaves;
}

/** Waits for a raw e-mail to `address` whose Subject matches `subject` (newest first). */
export async function waitForRaw(mailDir: string, address: string, subject: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = await readdir(mailDir).catch(() => [] as string[]);
    for (const name of names
      .filter((n) => n.endsWith('.eml'))
      .sort()
      .reverse()) {
      const raw = await readFile(join(mailDir, name), 'utf8');
      if (recipientOf(raw).includes(address.toLowerCase()) && subject.test(parsePart(raw).headers.get('subject') ?? '')) return raw;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No e-mail with a subject matching ${subject} reached ${address} in ${mailDir} within ${timeoutMs} ms`);
}
