/**
 * Bound for the "stays linear on a multi-megabyte note" guards. Generous on purpose: it exists to
 * catch quadratic or catastrophic-backtracking regressions (minutes to hours on 5 MB), not to
 * measure speed on a loaded 2-core CI machine. Speed is measured by `npm run bench:parse`.
 */
export const LINEAR_TIME_BOUND_MS = 30_000;
