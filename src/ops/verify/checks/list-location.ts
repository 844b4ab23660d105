/**
 * The S3 object behind an IPSet/ThreatIntelSet location. GuardDuty accepts
 * several forms for one object (GUARDDUTY-FACTS.md, IP lists), so locations
 * are compared as bucket + key, not as strings.
 */
export interface ListObject {
  readonly bucket: string;
  readonly key: string;
}

const FORMS: readonly RegExp[] = [
  /^s3:\/\/([^/]+)\/(.+)$/,
  /^https?:\/\/s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?\/([^/]+)\/(.+)$/,
  /^https?:\/\/([^/]+?)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?\/(.+)$/,
];

export function parseListLocation(location: string): ListObject | undefined {
  for (const form of FORMS) {
    const match = form.exec(location.trim());
    if (match) return { bucket: match[1]!, key: decodeURIComponent(match[2]!) };
  }
  return undefined;
}

export function sameListObject(a: string, b: string): boolean {
  const [x, y] = [parseListLocation(a), parseListLocation(b)];
  return x && y ? x.bucket === y.bucket && x.key === y.key : a.trim() === b.trim();
}

/** `s3://bucket/key`, the shortest form, for tables. */
export function shortLocation(location: string): string {
  const object = parseListLocation(location);
  return object ? `s3://${object.bucket}/${object.key}` : location;
}
