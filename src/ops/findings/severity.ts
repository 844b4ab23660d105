import { SEVERITY_BANDS, SEVERITY_NAMES, type SeverityName, severityBand } from '../../findings/severity';
import { UsageError } from '../usage-error';

/** The bands themselves live with the export (src/findings/severity): one definition. */
export type SeverityBand = SeverityName;
export const BAND_NAMES: readonly SeverityBand[] = SEVERITY_NAMES;
export { severityBand };

/** `high` (the band's lower bound, 7.0) or a number from 0 to 10. */
export function parseSeverity(text: string, option: string): number {
  const band = SEVERITY_BANDS.find((b) => b.name.toLowerCase() === text.trim().toLowerCase());
  if (band) return band.min;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 10) {
    throw new UsageError(`${option}: "${text}" is not a severity: use low, medium, high, critical or a number from 0 to 10`);
  }
  return value;
}

/** `7.5 High` */
export function formatSeverity(severity: number): string {
  return `${severity.toFixed(1)} ${severityBand(severity)}`;
}
