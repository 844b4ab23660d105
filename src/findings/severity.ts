/**
 * GuardDuty severity bands (findings severity levels, AWS user guide):
 * Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0.
 */
export const SEVERITY_BANDS = [
  { name: 'Low', min: 1, max: 3.9 },
  { name: 'Medium', min: 4, max: 6.9 },
  { name: 'High', min: 7, max: 8.9 },
  { name: 'Critical', min: 9, max: 10 },
] as const;

export type SeverityName = (typeof SEVERITY_BANDS)[number]['name'];
export const SEVERITY_NAMES = SEVERITY_BANDS.map((b) => b.name) as [SeverityName, ...SeverityName[]];

/** A threshold written as a number or a band name, as a number (the band's lower bound). */
export function severityThreshold(value: number | SeverityName): number {
  if (typeof value === 'number') return value;
  return SEVERITY_BANDS.find((b) => b.name === value)!.min;
}

/** The band a finding's severity falls in. */
export function severityBand(severity: number): SeverityName {
  for (let i = SEVERITY_BANDS.length - 1; i >= 0; i--) if (severity >= SEVERITY_BANDS[i]!.min) return SEVERITY_BANDS[i]!.name;
  return 'Low';
}
