/**
 * Bounds on hostile or accidental input. Values past these limits are kept raw with a diagnostic
 * instead of being expanded.
 */
export const LIMITS = {
  /** JSON strings longer than this are not parsed (10 MiB of UTF-16 code units). */
  maxJsonLength: 10 * 1024 * 1024,
  /** Nesting deeper than this is not accepted from JSON. */
  maxJsonDepth: 128,
  /** Indexed keys (`x.N.y`) with N above this are not expanded. Real message lists are far shorter. */
  maxIndex: 10_000,
} as const;
