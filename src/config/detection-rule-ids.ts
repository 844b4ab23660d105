/**
 * Rules against configs that blind the estate: each one refuses a setting
 * that silently stops findings from being raised or exported. A rule is
 * lifted only by an explicit `overrides: [{ rule, reason }]` entry, whose
 * reason is printed by synth and by `guardduty-ops verify`.
 */
export const DETECTION_RULES = {
  'GD-DET-1': 'An ARCHIVE suppression names the finding types it archives exactly, and none is an attack sequence (archived findings are never exported).',
  'GD-DET-2': 'The trusted IP list stays narrow: no range wider than /16, at most 2^24 addresses in all (trusted addresses raise no flow-log or CloudTrail findings).',
  'GD-DET-3': 'export.minSeverity is at most 7 (High): findings under it are never forwarded.',
  'GD-DET-4': 'A protection plan that is on by default stays on.',
  'GD-DET-5': 'Organization auto-enable stays ALL: every account, existing and new, is monitored.',
  'GD-DET-6': 'Every region the partition enables by default is monitored (no exclude, no include list that leaves one out).',
} as const;

export type DetectionRuleId = keyof typeof DETECTION_RULES;

export const DETECTION_RULE_IDS = Object.keys(DETECTION_RULES) as DetectionRuleId[];

