import { processIo } from '../common/io';
import { runMain } from '../common/main';
import { run } from './program';

/** Entry of bin/threatlists (through dist/): the launcher passes the cache folder of its build. */
export function main(options: { readonly configCache?: string } = {}): void {
  runMain('threatlists', (argv) => run(argv, processIo(options.configCache)));
}

// Run directly (ts-node, or node on the per-module build): no cache folder. The launchers call main() themselves.
if (require.main === module) main();
