/**
 * IPv4 addresses as unsigned 32-bit integers held in plain numbers (never
 * `|0`-style int32, which turns addresses above 127.255.255.255 negative).
 */

/** "0" .. "255", so formatting an address allocates no intermediate strings. */
export const OCTET_TEXT: readonly string[] = Array.from({ length: 256 }, (_, i) => String(i));

export function formatAddress(address: number): string {
  return `${OCTET_TEXT[address >>> 24]}.${OCTET_TEXT[(address >>> 16) & 255]}.${OCTET_TEXT[(address >>> 8) & 255]}.${OCTET_TEXT[address & 255]}`;
}

/** `a.b.c.d/n`, or the bare address for a /32 (the form GuardDuty documents for one host). */
export function formatCidr(start: number, prefix: number): string {
  return prefix === 32 ? formatAddress(start) : `${formatAddress(start)}/${prefix}`;
}

/** Addresses in a block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/**
 * Strict dotted quad, for the few places outside the list parser that take
 * an address (tests, CLI options). No leading zeros: some tools read them as
 * octal, so `010.0.0.1` means different things to different readers.
 */
export function parseAddress(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** `a.b.c.d`, `a.b.c.d/n` or `a.b.c.d-e.f.g.h` to an inclusive range; undefined if malformed. */
export function parseRange(text: string): [number, number] | undefined {
  const dash = text.indexOf('-');
  if (dash >= 0) {
    const start = parseAddress(text.slice(0, dash).trim());
    const end = parseAddress(text.slice(dash + 1).trim());
    return start !== undefined && end !== undefined && start <= end ? [start, end] : undefined;
  }
  const slash = text.indexOf('/');
  if (slash < 0) {
    const address = parseAddress(text);
    return address === undefined ? undefined : [address, address];
  }
  const start = parseAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (start === undefined || !/^(0|[1-9]\d?)$/.test(prefixText) || Number(prefixText) > 32) return undefined;
  const size = blockSize(Number(prefixText));
  return start % size === 0 ? [start, start + size - 1] : undefined;
}
