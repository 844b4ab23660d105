import type { GuardDutyConfig } from '../config/schema';
import { RUNTIME_MONITORING_ADDITIONAL } from '../features/catalog';

/** The compute each agent-management setting covers, for the warning. */
const AGENT_COVERS: Readonly<Record<(typeof RUNTIME_MONITORING_ADDITIONAL)[number], string>> = {
  EKS_ADDON_MANAGEMENT: 'EKS clusters',
  ECS_FARGATE_AGENT_MANAGEMENT: 'ECS tasks on Fargate',
  EC2_AGENT_MANAGEMENT: 'EC2 instances',
};

/**
 * Detector settings the rules allow but a reviewer should see on every synth:
 * each one delays or narrows what GuardDuty reports without refusing anything.
 */
export function detectorWarnings(detector: GuardDutyConfig['detector']): string[] {
  const warnings: string[] = [];
  // GuardDuty exports a new finding within about five minutes whatever the setting; the frequency
  // governs updates of existing findings, i.e. repeated occurrences (GuardDuty user guide,
  // "Exporting generated findings to Amazon S3"; API Reference, UpdateDetector FindingPublishingFrequency).
  if (detector.findingPublishingFrequency === 'SIX_HOURS') {
    warnings.push(
      'detector.findingPublishingFrequency: SIX_HOURS sends updates of existing findings (repeated occurrences of an ongoing attack) to EventBridge, the alerts and S3 up to six hours late; new findings still arrive within minutes',
    );
  }
  // Without agent management GuardDuty neither installs nor updates the security agent
  // (GuardDuty user guide, "Managing the security agent"): Runtime Monitoring sees nothing there.
  const runtime = detector.features.RUNTIME_MONITORING;
  if (runtime?.enabled === true) {
    const unmanaged = RUNTIME_MONITORING_ADDITIONAL.filter((name) => runtime.additionalConfiguration?.[name] === false);
    if (unmanaged.length > 0) {
      warnings.push(
        `detector.features.RUNTIME_MONITORING: agent management is off for ${unmanaged.map((n) => AGENT_COVERS[n]).join(', ')} (${unmanaged.join(', ')}): GuardDuty monitors them only where you install and update the security agent yourself`,
      );
    }
  }
  return warnings;
}
