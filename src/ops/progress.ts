/** Progress across regions, drawn on stderr so stdout (tables, JSON) stays clean. */
export interface Progress {
  settled(region: string): void;
  finish(): void;
}

const NO_PROGRESS: Progress = { settled: () => undefined, finish: () => undefined };

/** `[########------------]  8/17 regions  eu-west-1` */
export function renderProgressBar(done: number, total: number, label: string, width = 20): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const count = String(done).padStart(String(total).length);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} regions  ${label}`;
}

const CLEAR_LINE = '\r\x1b[2K';

/**
 * A bar only on an interactive terminal: in CI (no TTY, or CI set) carriage
 * returns turn into a log line per region, so there is none.
 */
export function createProgress(options: { readonly enabled: boolean; readonly total: number; readonly write: (text: string) => void }): Progress {
  if (!options.enabled || options.total === 0) return NO_PROGRESS;
  let done = 0;
  options.write(CLEAR_LINE + renderProgressBar(0, options.total, ''));
  return {
    settled(region) {
      done++;
      options.write(CLEAR_LINE + renderProgressBar(done, options.total, region));
    },
    finish() {
      options.write(CLEAR_LINE);
    },
  };
}
