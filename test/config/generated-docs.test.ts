import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchema } from '../../src/config/json-schema';
import { GUARDRAIL_RULES } from '../../modules/guardrails/rules';
import { staleGeneratedFiles } from '../../scripts/write-schema';

const root = join(__dirname, '..', '..');

describe('generated documentation', () => {
  it('guardduty.schema.json and the config reference in docs/configuration.md are current (npm run schema)', () => {
    expect(staleGeneratedFiles().map(([file]) => file)).toEqual([]);
  });

  it('the example config points editors at the schema', () => {
    expect(readFileSync(join(root, 'guardduty.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/guardduty\.schema\.json/);
    expect(configJsonSchema().additionalProperties).toBe(false);
  });

  it('docs/security.md documents every guardrail rule id', () => {
    const security = readFileSync(join(root, 'docs', 'security.md'), 'utf8');
    for (const rule of GUARDRAIL_RULES) expect(security).toContain(`| \`${rule.id}\` |`);
  });
});
