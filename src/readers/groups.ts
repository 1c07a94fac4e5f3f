/**
 * Key groups: a table of spellings a parser probes one key at a time (request parameters, token counts,
 * tool keys, …). The walk of a span's keys that detects its conventions (pipeline/detect.ts) also sets
 * the bit of every group that has a key on the span, so a parser skips a whole table when none of its
 * keys is there. Bits are allocated by the registry (conventions/index.ts), never numbered by hand; a
 * group used outside the registry keeps bit -1 (every bit set) and is always probed, which is correct,
 * only slower. See docs/performance.md.
 */
export class KeyGroup {
  /** This group's bit in a span's group mask; assigned once by the registry. */
  bit = -1;
  constructor(
    /** `<convention>.<name>`, for messages and tests. */
    readonly name: string,
    readonly keys: readonly string[],
  ) {}
}

export function keyGroup(name: string, keys: readonly string[]): KeyGroup {
  return new KeyGroup(name, keys);
}

/** A mask with every group set: what a context gets when nobody walked the keys (tests, direct use). */
export const ALL_GROUPS = -1;
