import { processIo } from '../common/io';
import { runMain } from '../common/main';
import { run } from './program';

// Entry of bin/threatlists (through dist/).
runMain('threatlists', (argv) => run(argv, processIo()));
