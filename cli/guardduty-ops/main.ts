import { runMain } from '../common/main';
import { processDeps } from './deps';
import { run } from './program';

/** Entry of bin/guardduty-ops (through dist/): the launcher passes the cache folder of its build. */
export function main(options: { readonly configCache?: string } = {}): void {
  runMain('guardduty-ops', (argv) => run(argv, processDeps(options.configCache)));
}

// Run directly (ts-node, or node on the per-module build): no cache folder. The launchers call main() themselves.
if (require.main === module) main();
