import { createHash } from 'node:crypto';
import { BLOCK_SIZES, largestBlockBits } from './cidr-cover';
import type { RangeSet } from './range-set';

/** What GuardDuty receives for a TXT list. */
export interface CanonicalBody {
  /** The bytes to upload: one CIDR per line, ascending, '\n'-terminated; ASCII only. */
  readonly text: string;
  readonly sha256: string;
  readonly bytes: number;
  /** Lines (entries). */
  readonly entries: number;
}

const DOT = 46;
const SLASH = 47;
const LF = 10;

const LINE_MAX = 19; // "255.255.255.255/32\n"

/**
 * Renders a set as its minimal CIDR cover, ascending, one per line, a /32
 * written as the bare address (GuardDuty documents "an IP address or CIDR
 * range per line"; FireHOL iprange prints the same form). Bytes are written
 * straight into a buffer: a million lines cost one allocation, not a
 * million strings. The same address set always gives the same bytes.
 */
export function renderCanonicalBody(set: RangeSet): CanonicalBody {
  // Room for two lines per range to start with; grown (rarely) when ranges split into more CIDRs.
  let out = Buffer.allocUnsafe(Math.max(64, set.size * 2 * LINE_MAX));
  let at = 0;
  let lines = 0;
  const { starts, ends } = set;
  for (let r = 0; r < starts.length; r++) {
    const end = ends[r];
    let address = starts[r];
    while (address <= end) {
      if (at + LINE_MAX > out.length) {
        const wider = Buffer.allocUnsafe(out.length * 2);
        out.copy(wider, 0, 0, at);
        out = wider;
      }
      const bits = largestBlockBits(address, end);
      at = writeOctet(out, at, address >>> 24, DOT);
      at = writeOctet(out, at, (address >>> 16) & 255, DOT);
      at = writeOctet(out, at, (address >>> 8) & 255, DOT);
      if (bits === 0) {
        at = writeOctet(out, at, address & 255, LF);
      } else {
        at = writeOctet(out, at, address & 255, SLASH);
        at = writeOctet(out, at, 32 - bits, LF);
      }
      address += BLOCK_SIZES[bits];
      lines++;
    }
  }
  const bytes = out.subarray(0, at);
  return {
    text: bytes.toString('latin1'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: at,
    entries: lines,
  };
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Writes 0-255 in decimal followed by `after`; returns the next position. */
function writeOctet(out: Buffer, at: number, octet: number, after: number): number {
  if (octet >= 100) {
    out[at++] = 48 + ((octet / 100) | 0);
    out[at++] = 48 + (((octet / 10) | 0) % 10);
  } else if (octet >= 10) {
    out[at++] = 48 + ((octet / 10) | 0);
  }
  out[at++] = 48 + (octet % 10);
  out[at++] = after;
  return at;
}
