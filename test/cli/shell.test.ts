import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ExitCode } from '../../src/ops/exit-code';

// The shell both CLIs share (cli/common/main.ts), run as real processes through the launchers (bin/build.js).
const ROOT = join(__dirname, '..', '..');

function sh(script: string, env: NodeJS.ProcessEnv = {}) {
  return spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

/** A tiny CLI on the shared shell: `runMain` with the given body, from the compiled dist/. */
function shellCli(body: string): string {
  const js = `require('./bin/build').load('demo', 'cli/common/main').runMain('demo', async () => { ${body} });`;
  return `node -e ${JSON.stringify(js)}`;
}

describe('CLI shell', () => {
  it.each(['guardduty-ops', 'threatlists'])('%s --help | head -1 exits quietly', (cli) => {
    for (let i = 0; i < 3; i++) {
      const run = sh(`node bin/${cli} --help | head -1; echo "status=\${PIPESTATUS[0]}"`);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(new RegExp(`^Usage: ${cli} .*\\nstatus=0\\n$`));
    }
  });

  it('a reader that stops early ends a long output quietly with the code so far', () => {
    const cli = shellCli("for (let i = 0; i < 200000; i++) process.stdout.write('line ' + i + '\\n'); return 0;");
    const run = sh(`${cli} | head -1; echo "status=\${PIPESTATUS[0]}"`);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('line 0\nstatus=0\n');
  });

  it('an unexpected error is one line on stderr and exit 70, without a stack', () => {
    const run = sh(shellCli("throw new Error('boom\\nsecond line');"));
    expect(run.status).toBe(ExitCode.Internal);
    expect(ExitCode.Internal).toBe(70);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('demo: unexpected error: boom (exit 70; DEBUG=1 prints the stack)\n');
  });

  it('DEBUG=1 prints the stack of an unexpected error', () => {
    const run = sh(shellCli("throw new Error('boom');"), { DEBUG: '1' });
    expect(run.status).toBe(70);
    expect(run.stderr).toMatch(/^demo: unexpected error: Error: boom\n\s+at /);
  });

  it('both CLIs give a usage error exit 2 and a one-line message', () => {
    for (const cli of ['guardduty-ops', 'threatlists']) {
      const run = sh(`node bin/${cli} no-such-command`);
      expect(run.status).toBe(ExitCode.Usage);
      expect(run.stderr).toMatch(/unknown command 'no-such-command'/);
    }
  });
});
