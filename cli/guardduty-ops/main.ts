import { runMain } from '../common/main';
import { processDeps } from './deps';
import { run } from './program';

// Entry of bin/guardduty-ops (through dist/).
runMain('guardduty-ops', (argv) => run(argv, processDeps()));
