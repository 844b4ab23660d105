import { type EntryAnnotations, hasAnnotations, parseAnnotations } from './annotations';
import type { DiagnosticSink } from './diagnostics';
import { explainMalformedEntry } from './malformed';

/** How an entry was written; `normalize --write` keeps ranges as ranges. */
export const ENTRY_FORM = { cidr: 0, range: 1 } as const;

export interface AnnotatedEntry {
  /** Index into the entry arrays. */
  index: number;
  readonly line: number;
  readonly annotations: EntryAnnotations;
}

/**
 * The entries of one list file as parallel typed arrays (the file's order),
 * capacity >= count. Only entries that carry annotations get an object.
 */
export interface ParsedListFile {
  readonly file: string;
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
  /** 1-based line of each entry. */
  lines: Uint32Array;
  /** ENTRY_FORM of each entry. */
  forms: Uint8Array;
  annotated: AnnotatedEntry[];
  /** Lines in the file. */
  readonly lineCount: number;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const ZERO = 48;
const NINE = 57;
/** A comment without `=` may still hold a misspelt annotation such as `expires:2027-01-31`. */
const ANNOTATION_HINT = /\b(expires|owner|ticket)\b/i;

/**
 * Parses list text: one IPv4 address, CIDR or range `a.b.c.d-e.f.g.h` per
 * line, `#` comments, optional trailing annotations. Malformed lines become
 * errors in `sink` with their line number and are left out.
 *
 * This is the hot path for feeds of a million lines: one pass over the
 * bytes, numbers straight into typed arrays, no split, no regex and no
 * per-line allocation. Only a line that fails the fast path is decoded and
 * handed to `explainMalformedEntry` for a message.
 */
export function parseListText(text: string, file: string, sink: DiagnosticSink): ParsedListFile {
  return parseListBytes(Buffer.from(text, 'utf8'), file, sink);
}

/** parseListText on the raw bytes of a file (UTF-8 or ASCII): what the build uses, skipping a decode of the whole file. */
export function parseListBytes(input: Uint8Array, file: string, sink: DiagnosticSink): ParsedListFile {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const length = bytes.length;
  let capacity = Math.max(16, Math.ceil(length / 14));
  let starts: Uint32Array = new Uint32Array(capacity);
  let ends: Uint32Array = new Uint32Array(capacity);
  let lines: Uint32Array = new Uint32Array(capacity);
  let forms = new Uint8Array(capacity);
  const annotated: AnnotatedEntry[] = [];
  let count = 0;
  let line = 0;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 byte order mark

  while (i < length) {
    line++;
    const lineStart = i;
    let c = bytes[i];
    while (c === SPACE || c === TAB) c = bytes[++i];
    if (c === HASH || c === LF || c === CR || i >= length) {
      const next = bytes.indexOf(LF, i);
      i = next < 0 ? length : next + 1;
      continue;
    }

    let ok = false;
    let form: number = ENTRY_FORM.cidr;
    // Addresses stay int32 in this loop (no doubles); the Uint32Array stores read them back unsigned.
    let next = readAddress(bytes, i);
    const start = ADDRESS[0];
    let end = start;
    if (next >= 0) {
      i = next;
      c = bytes[i];
      if (c === SLASH) {
        c = bytes[++i];
        let prefix = -1;
        if (c >= ZERO && c <= NINE) {
          prefix = c - ZERO;
          c = bytes[++i];
          if (c >= ZERO && c <= NINE) {
            prefix = prefix === 0 ? 99 : prefix * 10 + c - ZERO;
            c = bytes[++i];
          }
        }
        if (prefix >= 0 && prefix <= 32) {
          // Integer bit tests, not 2 ** n and %: they cost a Math.pow and an fmod per line.
          const hostBits = HOST_MASK[prefix];
          if ((start & hostBits) === 0) {
            end = start | hostBits;
            ok = true;
          }
        }
      } else {
        while (c === SPACE || c === TAB) c = bytes[++i];
        if (c === DASH) {
          c = bytes[++i];
          while (c === SPACE || c === TAB) c = bytes[++i];
          next = readAddress(bytes, i);
          if (next >= 0) {
            i = next;
            end = ADDRESS[0];
            form = ENTRY_FORM.range;
            ok = end >>> 0 >= start >>> 0;
            c = bytes[i];
          }
        } else {
          ok = true;
        }
      }
    }

    let annotationStart = -1;
    if (ok) {
      while (c === SPACE || c === TAB || c === CR) c = bytes[++i];
      if (c === HASH) annotationStart = i + 1;
      else ok = c === LF || i >= length;
    }
    let lineEnd = ok && annotationStart < 0 ? i : bytes.indexOf(LF, i);
    if (lineEnd < 0) lineEnd = length;

    if (!ok) {
      const { code, message } = explainMalformedEntry(bytes.toString('utf8', lineStart, lineEnd));
      sink.error(code, file, line, message);
      i = lineEnd + 1;
      continue;
    }

    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
      lines = grow(lines, capacity);
      const wider = new Uint8Array(capacity);
      wider.set(forms);
      forms = wider;
    }
    starts[count] = start;
    ends[count] = end;
    lines[count] = line;
    forms[count] = form;

    if (annotationStart >= 0) {
      // Annotations are rare in feeds: only a comment that may hold one is parsed.
      const comment = bytes.toString('utf8', annotationStart, lineEnd);
      if (comment.includes('=') || ANNOTATION_HINT.test(comment)) {
        const { annotations, problems } = parseAnnotations(comment);
        for (const problem of problems) sink.error('bad-annotation', file, line, problem);
        if (hasAnnotations(annotations)) {
          annotated.push({ index: count, line, annotations });
        }
      }
    }
    count++;
    i = lineEnd + 1;
  }

  return { file, count, starts, ends, lines, forms, annotated, lineCount: line };
}

/** Where readAddress leaves the address it read, as int32 (a typed slot: no object per call). */
const ADDRESS = new Int32Array(1);

/** Host bits of each prefix length as an int32 mask: /24 -> 0xff, /0 -> all ones (-1). */
const HOST_MASK = Int32Array.from({ length: 33 }, (_, prefix) => (prefix === 0 ? -1 : (1 << (32 - prefix)) - 1));

/**
 * Reads a dotted quad at `i`: returns the position after it and leaves the
 * value in ADDRESS[0], or returns -1 if the bytes there is not one.
 */
function readAddress(bytes: Uint8Array, i: number): number {
  let value = 0;
  for (let octet = 0; octet < 4; octet++) {
    if (octet > 0) {
      if (bytes[i] !== DOT) return -1;
      i++;
    }
    let c = bytes[i];
    if (!(c >= ZERO && c <= NINE)) return -1;
    let part = c - ZERO;
    c = bytes[++i];
    if (c >= ZERO && c <= NINE) {
      if (part === 0) return -1; // leading zero: octal to some readers
      part = part * 10 + c - ZERO;
      c = bytes[++i];
      if (c >= ZERO && c <= NINE) {
        part = part * 10 + c - ZERO;
        c = bytes[++i];
        if (part > 255 || (c >= ZERO && c <= NINE)) return -1;
      }
    }
    value = (value << 8) | part;
  }
  ADDRESS[0] = value;
  return i;
}

function grow(array: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const wider = new Uint32Array(capacity);
  wider.set(array);
  return wider;
}
