import { processDeps } from './deps';
import { run } from './program';

// bin/guardduty-ops and `npm run guardduty-ops` load this file.
run(process.argv.slice(2), processDeps()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`guardduty-ops: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 3;
  },
);
