/**
 * Key groups: a table of spellings a parser probes one key at a time (request parameters, token counts,
 * tool keys, …). The walk of a span's keys that detects its conventions (pipeline/detect.ts) also sets
 * the bit of every group that has a key on the span, so a parser skips a whole table when none of its
 * keys is there. Bits are allocated by `allocateGroupBits` (conventions/readers.ts at load, for every
 * reader; a detector for its readers: pipeline/detector.ts), never numbered by hand; a group used
 * outside any reader keeps bit -1 (every bit set) and is always probed, which is correct, only slower.
 * See docs/performance.md.
 */
export class KeyGroup {
  /** This group's bit in a span's group mask; assigned once, by `allocateGroupBits`. */
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

/** Groups given a bit so far, in this copy of the library: bits are handed out once and never reused. */
let allocated = 0;

/**
 * Gives each group that has no bit yet (bit -1) the next free one: a group keeps its first bit for
 * good, so a detector built over a few readers after READERS allocated them all changes nothing, and a
 * bundle holding only a few readers numbers only theirs. Throws past 31 groups (the mask is an int32).
 */
export function allocateGroupBits(groups: Iterable<KeyGroup>): void {
  for (const group of groups) {
    if (group.bit !== -1) continue;
    if (allocated >= 31) throw new Error(`key group ${group.name} does not fit the group mask (31 groups at most): merge small groups`);
    group.bit = 1 << allocated++;
  }
}

/** A mask with every group set: what a context gets when nobody walked the keys (tests, direct use). */
export const ALL_GROUPS = -1;
