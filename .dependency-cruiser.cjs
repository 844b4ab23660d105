/**
 * Layer rules (docs: /work/shared/DESIGN.md "Layout"): imports run one way,
 * cli/ -> main.ts -> modules/ -> src/, and only config loading reads the
 * process. Checked in `npm test` by test/architecture/layers.test.ts and by
 * `npm run layers`.
 */

/**
 * Files in src/ or modules/ allowed to read the process (env, cwd, argv),
 * each with its reason. Everything else takes such values as arguments.
 */
const PROCESS_READERS = [
  // configFileFromEnv defaults its `env` argument to process.env ($GUARDDUTY_CONFIG).
  'src/config/config-file.ts',
];

const escape = (path) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'src-not-to-modules',
      comment: 'src/ is pure logic and the plan; constructs (modules/) build on it, never the reverse.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^modules/' },
    },
    {
      name: 'src-not-to-cli-or-main',
      comment: 'src/ is used by cli/ and main.ts, never the reverse.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(cli/|main\\.ts$)' },
    },
    {
      name: 'modules-not-to-cli-or-main',
      comment: 'Constructs take plain props; the commands and main.ts use them, never the reverse.',
      severity: 'error',
      from: { path: '^modules/' },
      to: { path: '^(cli/|main\\.ts$)' },
    },
    {
      name: 'domain-not-to-config',
      comment:
        'Domain modules take their own input types; the config (and the plan) pass config values in, and the config may import domain types, never the reverse.',
      severity: 'error',
      from: { path: '^src/(features|suppression|regions|threatlist|findings|naming|policy)/' },
      to: { path: '^src/config/' },
    },
    {
      name: 'config-not-to-plan',
      comment: 'The plan reads the config; the config (schema, loading, validation) never reads the plan. src/config -> modules/ is src-not-to-modules.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/plan/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles at all, within a folder or between folders.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-process-import',
      comment:
        'src/ and modules/ do not read env, cwd or argv; main.ts and cli/ pass them in. ' +
        'The global `process` is checked by test/architecture/layers.test.ts with the same exceptions.',
      severity: 'error',
      from: { path: '^(src|modules)/', pathNot: `^(${PROCESS_READERS.map(escape).join('|')})$` },
      to: { dependencyTypes: ['core'], path: '^(node:)?process$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|cdktf\\.out[^/]*)/' },
    tsPreCompilationDeps: true,
    moduleSystems: ['cjs', 'es6'],
  },
};
