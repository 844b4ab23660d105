import type { DiagnosticCode } from './diagnostics';
import { formatAddress, parseAddress } from './ipv4';

export interface MalformedEntry {
  readonly code: DiagnosticCode;
  readonly message: string;
}

/**
 * Says what is wrong with a line the parser rejected, and how to fix it.
 * Off the hot path: it runs once per bad line, so clarity beats speed here.
 */
export function explainMalformedEntry(rawLine: string): MalformedEntry {
  const hash = rawLine.indexOf('#');
  const text = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).trim();
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

  if (/^[0-9a-f:.]*:[0-9a-f:.]*(\/\d+)?$/i.test(text) && text.includes(':')) {
    return { code: 'ipv6', message: `${shown} is IPv6: GuardDuty IP lists take IPv4 addresses and CIDR ranges only` };
  }
  const words = text.split(/\s+/);
  if (text.includes(';')) {
    return { code: 'malformed', message: `${shown}: ";" does not start a comment in a list file, use "#"` };
  }
  // A host name ends in an alphabetic top-level label (`evil.example.com`); `198.51.100.x` is a broken address.
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z][a-z0-9-]+$/i.test(text)) {
    return { code: 'hostname', message: `${shown} is a host name: lists hold addresses, write the IPv4 address (GuardDuty resolves no names)` };
  }

  const dash = text.indexOf('-');
  if (dash > 0) {
    const left = text.slice(0, dash).trim();
    const right = text.slice(dash + 1).trim();
    if (right === '') return { code: 'bad-range', message: `${shown}: the range has no end address (a.b.c.d-e.f.g.h)` };
    if (left.includes('/') || right.includes('/')) {
      return { code: 'bad-range', message: `${shown}: a range joins two plain addresses (a.b.c.d-e.f.g.h); write CIDRs on lines of their own` };
    }
    const leftProblem = addressProblem(left);
    if (leftProblem) return leftProblem;
    const rightProblem = addressProblem(right.split(/\s+/)[0] ?? '');
    if (rightProblem) return rightProblem;
    const start = parseAddress(left)!;
    const end = parseAddress(right.split(/\s+/)[0]!)!;
    if (start > end) {
      return { code: 'bad-range', message: `${shown}: the range starts after it ends; write ${formatAddress(end)}-${formatAddress(start)}` };
    }
    return trailingText(shown, right.split(/\s+/).slice(1).join(' '));
  }

  const [entry = '', ...rest] = words;
  const slash = entry.indexOf('/');
  if (slash >= 0) {
    const address = entry.slice(0, slash);
    const prefixText = entry.slice(slash + 1);
    const problem = addressProblem(address);
    if (problem) return problem;
    const start = parseAddress(address)!;
    if (parseAddress(prefixText) !== undefined) {
      const prefix = netmaskPrefix(parseAddress(prefixText)!);
      return {
        code: 'netmask',
        message:
          prefix === undefined
            ? `${shown}: /${prefixText} is not a netmask; write a prefix length such as /24`
            : `${shown}: write the prefix length, ${address}/${prefix}, instead of the netmask`,
      };
    }
    if (!/^(0|[1-9]\d?)$/.test(prefixText) || Number(prefixText) > 32) {
      return { code: 'bad-prefix', message: `${shown}: the prefix length must be a number from 0 to 32, got "${prefixText}"` };
    }
    const prefix = Number(prefixText);
    const size = 2 ** (32 - prefix);
    if (start % size !== 0) {
      const network = formatAddress(start - (start % size));
      return {
        code: 'host-bits',
        message: `${shown} has bits set after the /${prefix} prefix: write ${network}/${prefix} for the network, or ${address} for the one address`,
      };
    }
    return trailingText(shown, rest.join(' '));
  }

  const problem = addressProblem(entry);
  if (problem) return problem;
  return trailingText(shown, rest.join(' '));
}

function trailingText(shown: string, rest: string): MalformedEntry {
  return rest
    ? { code: 'malformed', message: `${shown}: unexpected text "${rest}" after the entry; comments start with "#"` }
    : { code: 'malformed', message: `${shown} is not an IPv4 address, CIDR or range` };
}

/** What is wrong with one dotted quad, or undefined if it is fine. */
function addressProblem(text: string): MalformedEntry | undefined {
  if (parseAddress(text) !== undefined) return undefined;
  const shown = JSON.stringify(text);
  if (text.includes(':')) return { code: 'ipv6', message: `${shown} is IPv6: GuardDuty IP lists take IPv4 addresses and CIDR ranges only` };
  const parts = text.split('.');
  if (parts.every((p) => /^\d+$/.test(p))) {
    if (parts.length !== 4) return { code: 'malformed-address', message: `${shown} has ${parts.length} part${parts.length === 1 ? '' : 's'}; an IPv4 address has 4 (a.b.c.d)` };
    const zero = parts.find((p) => p.length > 1 && p.startsWith('0'));
    if (zero) {
      return {
        code: 'malformed-address',
        message: `${shown}: "${zero}" has a leading zero, which some tools read as octal; write ${parts.map((p) => String(Number(p))).join('.')} if decimal is meant`,
      };
    }
    const big = parts.find((p) => Number(p) > 255);
    if (big) return { code: 'malformed-address', message: `${shown}: ${big} is not an octet (0-255)` };
  }
  return { code: 'malformed-address', message: `${shown} is not an IPv4 address (a.b.c.d, each part 0-255)` };
}

/** Prefix length of a contiguous netmask such as 255.255.255.0, else undefined. */
function netmaskPrefix(mask: number): number | undefined {
  for (let prefix = 0; prefix <= 32; prefix++) {
    if (mask === 2 ** 32 - 2 ** (32 - prefix)) return prefix;
  }
  return undefined;
}
