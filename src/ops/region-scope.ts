import { UsageError } from './usage-error';

/**
 * `--regions` narrows the configured regions; naming one the config does
 * not deploy to is a mistake (it has no expectations to check), not a
 * silent no-op. Keeps the config's (catalog) order.
 */
export function narrowRegions(configured: readonly string[], requested: readonly string[] | undefined): string[] {
  if (!requested || requested.length === 0) return [...configured];
  const unknown = requested.filter((r) => !configured.includes(r));
  if (unknown.length > 0) {
    throw new UsageError(`--regions: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the config's regions (${configured.join(', ')})`);
  }
  return configured.filter((r) => requested.includes(r));
}
