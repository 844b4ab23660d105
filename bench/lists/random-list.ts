/**
 * Seeded random IP lists for the list benchmark and the differential test
 * against FireHOL iprange: the same seed gives the same file on every
 * machine, so runs compare.
 */

/** xorshift32: tiny, fast, and good enough to scatter addresses. */
export function xorshift32(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

export interface RandomListOptions {
  readonly lines: number;
  readonly seed: number;
  /** Share of lines that are ranges `a-b` (cidr-tools cannot read them, so the benchmark uses 0). @default 0 */
  readonly rangeShare?: number;
  /** Share of lines that are CIDRs (the rest are single addresses). @default 0.2 */
  readonly cidrShare?: number;
  /** Widest CIDR prefix: nine CIDRs in ten are /24-/31, the tenth /shortestPrefix-/23. @default 16 */
  readonly shortestPrefix?: number;
}

function formatAddress(a: number): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}

/**
 * Lines as a feed has them: mostly single addresses, some CIDRs (most /24
 * and narrower) and optionally ranges, scattered over the whole IPv4 space,
 * special-purpose blocks included.
 */
export function randomList(options: RandomListOptions): string {
  const next = xorshift32(options.seed);
  const rangeShare = Math.round((options.rangeShare ?? 0) * 1000);
  const cidrShare = Math.round((options.cidrShare ?? 0.2) * 1000);
  const out: string[] = new Array(options.lines);
  for (let i = 0; i < options.lines; i++) {
    const address = next();
    const pick = next() % 1000;
    if (pick < rangeShare) {
      const end = Math.min(0xffffffff, address + (next() % 4096));
      out[i] = `${formatAddress(address)}-${formatAddress(end)}`;
    } else if (pick < rangeShare + cidrShare) {
      const shortest = options.shortestPrefix ?? 16;
      const prefix = next() % 10 === 0 ? shortest + (next() % (24 - shortest)) : 24 + (next() % 8);
      const size = 2 ** (32 - prefix);
      out[i] = `${formatAddress(address - (address % size))}/${prefix}`;
    } else {
      out[i] = formatAddress(address);
    }
  }
  return `${out.join('\n')}\n`;
}
