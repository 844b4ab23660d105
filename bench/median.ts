/** The median of timed runs (the upper middle for an even count): the figure every benchmark quotes. */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
