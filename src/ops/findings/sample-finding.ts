/**
 * Whether a finding is one of GuardDuty's samples (CreateSampleFindings).
 * Samples are marked in `service.additionalInfo` — a JSON string
 * `{"sample":true}` in the API's Finding, an object in the EventBridge
 * event — and their titles start with `[SAMPLE]`; any of these counts.
 */
export function isSampleFinding(finding: { readonly title?: string | undefined; readonly additionalInfo?: unknown }): boolean {
  if (finding.title?.startsWith('[SAMPLE]')) return true;
  const info = finding.additionalInfo;
  if (typeof info !== 'object' || info === null) return false;
  const record = info as Record<string, unknown>;
  if (record.sample === true) return true;
  const value = record.Value ?? record.value;
  if (typeof value !== 'string') return false;
  try {
    return (JSON.parse(value) as { sample?: unknown }).sample === true;
  } catch {
    return false;
  }
}
