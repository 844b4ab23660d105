import { cidrCount, forEachCidr } from './cidr-cover';
import { formatCidr } from './ipv4';
import { sortRanges } from './sort-ranges';

/**
 * A set of IPv4 addresses as sorted, disjoint, non-adjacent inclusive
 * ranges in two typed arrays (the shape of FireHOL iprange's optimized
 * ipset). Every set operation is one linear walk with two cursors; CIDRs
 * appear only when a set is printed.
 */
export class RangeSet {
  static readonly EMPTY = new RangeSet(new Uint32Array(0), new Uint32Array(0));

  private constructor(
    readonly starts: Uint32Array,
    readonly ends: Uint32Array,
  ) {}

  /**
   * Builds a set from unsorted, possibly overlapping ranges: sorts, then
   * merges overlapping and adjacent ranges in one pass. The input arrays
   * are scratch space afterwards (callers hand over copies).
   */
  static fromRanges(unsortedStarts: Uint32Array, unsortedEnds: Uint32Array, count: number = unsortedStarts.length): RangeSet {
    if (count === 0) return RangeSet.EMPTY;
    const { starts, ends } = sortRanges(unsortedStarts, unsortedEnds, count);
    let out = 0;
    let curStart = starts[0];
    let curEnd = ends[0];
    for (let i = 1; i < count; i++) {
      const s = starts[i];
      const e = ends[i];
      if (s <= curEnd + 1) {
        if (e > curEnd) curEnd = e;
      } else {
        starts[out] = curStart;
        ends[out] = curEnd;
        out++;
        curStart = s;
        curEnd = e;
      }
    }
    starts[out] = curStart;
    ends[out] = curEnd;
    out++;
    return new RangeSet(starts.slice(0, out), ends.slice(0, out));
  }

  /** From [start, end] pairs, e.g. in tests and small tables. */
  static of(ranges: readonly (readonly [number, number])[]): RangeSet {
    return RangeSet.fromRanges(Uint32Array.from(ranges, (r) => r[0]), Uint32Array.from(ranges, (r) => r[1]));
  }

  /** Number of disjoint ranges. */
  get size(): number {
    return this.starts.length;
  }

  get isEmpty(): boolean {
    return this.starts.length === 0;
  }

  /** Addresses covered (at most 2^32, exact in a double). */
  get addresses(): number {
    let total = 0;
    for (let i = 0; i < this.starts.length; i++) total += this.ends[i] - this.starts[i] + 1;
    return total;
  }

  /** Lines of the minimal CIDR cover. */
  get cidrCount(): number {
    let total = 0;
    for (let i = 0; i < this.starts.length; i++) total += cidrCount(this.starts[i], this.ends[i]);
    return total;
  }

  forEachRange(visit: (start: number, end: number) => void): void {
    for (let i = 0; i < this.starts.length; i++) visit(this.starts[i], this.ends[i]);
  }

  forEachCidr(emit: (start: number, prefix: number) => void): void {
    for (let i = 0; i < this.starts.length; i++) forEachCidr(this.starts[i], this.ends[i], emit);
  }

  toCidrs(limit = Infinity): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.starts.length && out.length < limit; i++) {
      forEachCidr(this.starts[i], this.ends[i], (at, prefix) => {
        if (out.length < limit) out.push(formatCidr(at, prefix));
      });
    }
    return out;
  }

  /** Index of the range holding `address`, or -1. */
  indexOf(address: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] < address) lo = mid + 1;
      else if (this.starts[mid] > address) hi = mid - 1;
      else return mid;
    }
    return -1;
  }

  /** Whether any address of [start, end] is in the set. */
  overlaps(start: number, end: number): boolean {
    // First range ending at or after `start`; it overlaps iff it begins by `end`.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.starts.length && this.starts[lo] <= end;
  }

  /** Whether the two sets share an address: a binary search per range of the smaller set. */
  intersects(other: RangeSet): boolean {
    const [small, large] = this.size <= other.size ? [this, other] : [other, this];
    for (let i = 0; i < small.size; i++) if (large.overlaps(small.starts[i], small.ends[i])) return true;
    return false;
  }

  /** The part of [start, end] inside the set. */
  clip(start: number, end: number): RangeSet {
    return this.intersect(RangeSet.of([[start, end]]));
  }

  equals(other: RangeSet): boolean {
    if (other.size !== this.size) return false;
    for (let i = 0; i < this.starts.length; i++) {
      if (this.starts[i] !== other.starts[i] || this.ends[i] !== other.ends[i]) return false;
    }
    return true;
  }

  union(other: RangeSet): RangeSet {
    if (other.isEmpty) return this;
    if (this.isEmpty) return other;
    const starts = new Uint32Array(this.size + other.size);
    const ends = new Uint32Array(this.size + other.size);
    starts.set(this.starts);
    starts.set(other.starts, this.size);
    ends.set(this.ends);
    ends.set(other.ends, this.size);
    return RangeSet.fromRanges(starts, ends);
  }

  intersect(other: RangeSet): RangeSet {
    const out = new RangeBuilder(Math.min(this.size, other.size));
    let i = 0;
    let j = 0;
    while (i < this.size && j < other.size) {
      const s = Math.max(this.starts[i], other.starts[j]);
      const e = Math.min(this.ends[i], other.ends[j]);
      if (s <= e) out.push(s, e);
      if (this.ends[i] < other.ends[j]) i++;
      else j++;
    }
    return out.toSet();
  }

  /** Addresses of this set that are not in `other`. */
  subtract(other: RangeSet): RangeSet {
    if (!this.intersects(other)) return this;
    const out = new RangeBuilder(this.size + other.size);
    let j = 0;
    for (let i = 0; i < this.size; i++) {
      const end = this.ends[i];
      let at = this.starts[i];
      while (j < other.size && other.ends[j] < at) j++;
      let k = j;
      while (k < other.size && other.starts[k] <= end) {
        if (other.starts[k] > at) out.push(at, other.starts[k] - 1);
        at = other.ends[k] + 1;
        if (at > end) break;
        k++;
      }
      if (at <= end) out.push(at, end);
    }
    return out.toSet();
  }
}

/** Appends ranges already in order and disjoint (the output of a set walk). */
class RangeBuilder {
  private starts: Uint32Array;
  private ends: Uint32Array;
  private count = 0;

  constructor(capacity: number) {
    this.starts = new Uint32Array(Math.max(4, capacity));
    this.ends = new Uint32Array(Math.max(4, capacity));
  }

  push(start: number, end: number): void {
    if (this.count > 0 && start <= this.ends[this.count - 1] + 1) {
      // Adjacent to the previous range: keep the set non-adjacent.
      if (end > this.ends[this.count - 1]) this.ends[this.count - 1] = end;
      return;
    }
    if (this.count === this.starts.length) {
      const starts = new Uint32Array(this.count * 2);
      const ends = new Uint32Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  toSet(): RangeSet {
    return this.count === 0 ? RangeSet.EMPTY : RangeSet.fromRanges(this.starts, this.ends, this.count);
  }
}
