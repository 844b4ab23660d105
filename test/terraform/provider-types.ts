import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The resource and data source types a stack may declare. */
export interface ProviderTypes {
  readonly managed: ReadonlySet<string>;
  readonly data: ReadonlySet<string>;
}

/** Terraform's own types, served by the built-in `terraform.io/builtin/terraform` provider. */
const BUILTIN_MANAGED = ['terraform_data'];
const BUILTIN_DATA = ['terraform_remote_state'];

let cachedTypes: ProviderTypes | undefined;

/**
 * Every type the bound AWS provider (`@cdktf/provider-aws`) generates a class
 * for, plus Terraform's built-ins. Read from the binding files, never by
 * loading the package root (3-4 s and 575 MB per process); cached per process.
 */
export function providerTypes(): ProviderTypes {
  cachedTypes ??= scanAwsBindings();
  return cachedTypes;
}

/**
 * Each `lib/<name>/index.js` ends with `ClassName.tfResourceType = "aws_...";`
 * followed by an inline source map (often over half the file), so the file is
 * read from its end until that line shows. The generator names data source
 * classes `DataAws...` (and their folders `data-aws-...`), resources without
 * the prefix; the provider class itself (`tfResourceType = "aws"`) is skipped.
 */
function scanAwsBindings(): ProviderTypes {
  const lib = join(dirname(require.resolve('@cdktf/provider-aws/package.json')), 'lib');
  const managed = new Set(BUILTIN_MANAGED);
  const data = new Set(BUILTIN_DATA);
  for (const entry of readdirSync(lib, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const binding = lastTypeAssignment(join(lib, entry.name, 'index.js'));
    if (!binding || !binding.type.startsWith('aws_')) continue;
    (binding.className.startsWith('DataAws') ? data : managed).add(binding.type);
  }
  return { managed, data };
}

const ASSIGNMENT = Buffer.from('.tfResourceType = "');
const ASSIGNMENT_LINE = /^(\w+)\.tfResourceType = "(\w+)";$/;

function lastTypeAssignment(file: string): { className: string; type: string } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined; // a folder without a binding
  }
  try {
    const size = fstatSync(fd).size;
    for (let window = 64 * 1024; ; window *= 4) {
      const start = Math.max(0, size - window);
      const tail = Buffer.allocUnsafe(size - start);
      readSync(fd, tail, 0, tail.length, start);
      const at = tail.lastIndexOf(ASSIGNMENT);
      const lineStart = at < 0 ? -1 : tail.lastIndexOf(10, at) + 1;
      // The line must start inside the window too (or at the file's start).
      if (at >= 0 && (lineStart > 0 || start === 0)) {
        const lineEnd = tail.indexOf(10, at);
        const match = ASSIGNMENT_LINE.exec(tail.toString('latin1', lineStart, lineEnd < 0 ? tail.length : lineEnd).trimEnd());
        return match ? { className: match[1], type: match[2] } : undefined;
      }
      if (start === 0) return undefined;
    }
  } finally {
    closeSync(fd);
  }
}
