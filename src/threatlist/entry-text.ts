import { formatAddress, formatCidr } from './ipv4';
import { ENTRY_FORM } from './parse';

/** An entry as it reads in a source file: `a.b.c.d`, `a.b.c.d/n` or `a.b.c.d-e.f.g.h`. */
export function entryText(start: number, end: number, form: number): string {
  if (start === end) return formatAddress(start);
  if (form === ENTRY_FORM.range) return `${formatAddress(start)}-${formatAddress(end)}`;
  const size = end - start + 1;
  return formatCidr(start, 32 - Math.log2(size));
}
