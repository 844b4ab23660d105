import { App } from 'cdktf';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstateStacks, type EstateStacks } from './modules/estate-stacks';
import { assertGuardrails, GuardrailError } from './modules/guardrails';
import { withCheapTokenStackTraces } from './modules/token-stack-traces';
import { ConfigError, configFileFromEnv } from './src/config';
import { DEFAULT_OUTDIR } from './src/naming';
import { loadPlan, ThreatListError, writeListBodies } from './src/plan/load-plan';
import type { EstatePlan } from './src/plan/plan';

export { ThreatListError };

export interface SynthOptions {
  /** Config file. @default $GUARDDUTY_CONFIG, then guardduty.yaml */
  readonly configFile?: string;
  /** Output directory. @default $CDKTF_OUTDIR (set by the cdktf CLI), then cdktf.out */
  readonly outdir?: string;
}

export interface SynthResult {
  readonly plan: EstatePlan;
  readonly estate: EstateStacks;
}

/**
 * The whole job: config -> plan -> stacks -> guardrails -> cdktf.out.
 * Everything that can fail (config, lists, guardrails) fails before a file is
 * written.
 */
export function synthesize(options: SynthOptions = {}): SynthResult {
  // cdktf's own precedence: the App's outdir, then the CLI's --output.
  const outdir = options.outdir ?? process.env.CDKTF_OUTDIR ?? DEFAULT_OUTDIR;
  const { plan } = loadPlan(options.configFile ?? configFileFromEnv(), { root: process.cwd(), now: new Date(), outdir });
  // List bodies go through files (copied into cdktf.out at synth), not inline JSON.
  const bodies = mkdtempSync(join(tmpdir(), 'guardduty-lists-'));
  try {
    return withCheapTokenStackTraces(() => {
      // cdktf's App creates only the last folder of the path (`--output build/cdktf` would fail).
      mkdirSync(outdir, { recursive: true });
      const app = new App({ stackTraces: false, outdir });
      const estate = buildEstateStacks(app, plan, { listBodyFiles: writeListBodies(plan, bodies) });
      assertGuardrails(estate.stacks);
      app.synth();
      return { plan, estate };
    });
  } finally {
    rmSync(bodies, { recursive: true, force: true });
  }
}

/** The app run by cdktf.json (through bin/synth): synthesize, print overrides and warnings, exit 1 on a config, list or guardrail error. */
export function synthMain(): void {
  try {
    const { plan } = synthesize();
    // Under the cdktf CLI (it sets CDKTF_OUTDIR) the home stack's warning annotations carry these.
    if (process.env.CDKTF_OUTDIR === undefined) {
      for (const override of plan.overrides) process.stderr.write(`${override}\n`);
      for (const warning of plan.warnings) process.stderr.write(`warning: ${warning}\n`);
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof GuardrailError || err instanceof ThreatListError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

if (require.main === module) synthMain();
