/**
 * cdktf records a full stack trace (Error.stackTraceLimit = MAX) for every
 * token it creates, also while resolving, only to explain token errors.
 * Formatting those traces (through ts-node's source-map support) was 40% of
 * a 200-member synth. While `fn` runs, traces captured into plain objects
 * are left unformatted; real Error objects still get a normal trace.
 */
export function withCheapTokenStackTraces<T>(fn: () => T): T {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (target: unknown, frames: NodeJS.CallSite[]) => {
    if (!(target instanceof Error)) return '';
    return previous ? previous(target, frames) : `${String(target)}\n${frames.map((f) => `    at ${f.toString()}`).join('\n')}`;
  };
  try {
    return fn();
  } finally {
    Error.prepareStackTrace = previous;
  }
}
