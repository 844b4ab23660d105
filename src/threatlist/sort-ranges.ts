/**
 * Sorts ranges by start address, moving the end addresses along. A list of
 * a million lines is a million pairs: an LSD radix sort over the start key
 * (three passes of 11, 11 and 10 bits: counting tables that stay in cache)
 * keeps them in typed arrays, with no per-entry objects and no comparator
 * calls. Ties keep input order, which the merge that follows ignores.
 */

const SMALL = 48;

export interface SortedRanges {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
}

/** Returns the ranges sorted by start: the input arrays, reordered, or new arrays holding them. */
export function sortRanges(starts: Uint32Array, ends: Uint32Array, count: number): SortedRanges {
  if (isSorted(starts, count)) return { starts, ends };
  if (count <= SMALL) {
    insertionSort(starts, ends, count);
    return { starts, ends };
  }
  const tmpStarts = new Uint32Array(count);
  const tmpEnds = new Uint32Array(count);
  // The three digit histograms in one read of the keys, then turned into bucket offsets.
  const low = new Uint32Array(2048);
  const mid = new Uint32Array(2048);
  const high = new Uint32Array(1024);
  for (let i = 0; i < count; i++) {
    const key = starts[i];
    low[key & 0x7ff]++;
    mid[(key >>> 11) & 0x7ff]++;
    high[key >>> 22]++;
  }
  toOffsets(low);
  toOffsets(mid);
  toOffsets(high);
  scatter(starts, ends, tmpStarts, tmpEnds, count, 0, 0x7ff, low);
  scatter(tmpStarts, tmpEnds, starts, ends, count, 11, 0x7ff, mid);
  scatter(starts, ends, tmpStarts, tmpEnds, count, 22, 0x3ff, high);
  return { starts: tmpStarts, ends: tmpEnds };
}

/** Counts per bucket -> where each bucket starts. */
function toOffsets(counts: Uint32Array): void {
  let sum = 0;
  for (let b = 0; b < counts.length; b++) {
    const n = counts[b];
    counts[b] = sum;
    sum += n;
  }
}

function isSorted(starts: Uint32Array, count: number): boolean {
  for (let i = 1; i < count; i++) if (starts[i - 1] > starts[i]) return false;
  return true;
}

function scatter(
  fromStarts: Uint32Array,
  fromEnds: Uint32Array,
  toStarts: Uint32Array,
  toEnds: Uint32Array,
  count: number,
  shift: number,
  mask: number,
  offsets: Uint32Array,
): void {
  for (let i = 0; i < count; i++) {
    const key = fromStarts[i];
    const at = offsets[(key >>> shift) & mask]++;
    toStarts[at] = key;
    toEnds[at] = fromEnds[i];
  }
}

function insertionSort(starts: Uint32Array, ends: Uint32Array, count: number): void {
  for (let i = 1; i < count; i++) {
    const s = starts[i];
    const e = ends[i];
    let j = i - 1;
    while (j >= 0 && starts[j] > s) {
      starts[j + 1] = starts[j];
      ends[j + 1] = ends[j];
      j--;
    }
    starts[j + 1] = s;
    ends[j + 1] = e;
  }
}
