import { formatCidr } from './ipv4';

/** 2^bits for 0..32, looked up: `2 ** n` compiles to a Math.pow call, once per CIDR printed. */
export const BLOCK_SIZES = Float64Array.from({ length: 33 }, (_, bits) => 2 ** bits);

/**
 * The minimal CIDR cover of an inclusive range: at each step the largest
 * block that starts at the current address (its alignment) and still fits
 * before the end. CIDRs exist only here, at the edge; everything inside the
 * engine is [start, end] ranges.
 */
export function forEachCidr(start: number, end: number, emit: (start: number, prefix: number) => void): void {
  let at = start;
  while (at <= end) {
    const bits = largestBlockBits(at, end);
    emit(at, 32 - bits);
    at += BLOCK_SIZES[bits];
  }
}

/** log2 of the largest CIDR block starting at `at` that ends at or before `end`. */
export function largestBlockBits(at: number, end: number): number {
  // Alignment: trailing zero bits of `at` (x & -x isolates the lowest set bit; clz32 reads it unsigned).
  const alignment = at === 0 ? 32 : 31 - Math.clz32(at & -at);
  const length = end - at + 1;
  const fits = length >= 4294967296 ? 32 : 31 - Math.clz32(length);
  return alignment < fits ? alignment : fits;
}

/** The shortest prefix length (widest block) in the minimal cover of a range. */
export function widestPrefix(start: number, end: number): number {
  let widest = 32;
  forEachCidr(start, end, (_, prefix) => {
    if (prefix < widest) widest = prefix;
  });
  return widest;
}

export function cidrsOf(start: number, end: number): string[] {
  const out: string[] = [];
  forEachCidr(start, end, (at, prefix) => out.push(formatCidr(at, prefix)));
  return out;
}

/** Number of CIDRs in the minimal cover of a range. */
export function cidrCount(start: number, end: number): number {
  let count = 0;
  let at = start;
  while (at <= end) {
    at += BLOCK_SIZES[largestBlockBits(at, end)];
    count++;
  }
  return count;
}
