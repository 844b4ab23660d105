import { loadConfig } from '../src/config';
try { console.log(JSON.stringify(loadConfig(process.argv[2]), null, 1)); } catch (e) { console.log((e as Error).message); }
