/**
 * Path patterns for the CLI's file arguments: `*` and `?` within one path segment, `**` for any number
 * of directories. Shells expand unquoted patterns themselves, but CI YAML often quotes them and
 * Windows shells never expand them, so the CLI does it. Node 20 (our lowest engine) has no
 * fs.globSync; this walks readdir, only into the directories a pattern can reach.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function hasGlob(path: string): boolean {
  return path.includes("*") || path.includes("?");
}

/**
 * The files and directories matching `pattern`, sorted. Like a shell, `*` and `?` do not match a
 * leading dot (hidden entries) unless the pattern segment starts with one, and `**` does not descend
 * into hidden directories or follow symbolic links (no loops).
 */
export function glob(pattern: string): string[] {
  const separators = process.platform === "win32" ? /[\\/]+/ : /\/+/;
  const segments = pattern.split(separators);
  let root = ".";
  let display = "";
  if (segments[0] === "") {
    // An absolute path: "/a/*.json" splits into ["", "a", "*.json"].
    segments.shift();
    root = "/";
    display = "/";
  } else if (/^[A-Za-z]:$/.test(segments[0]!)) {
    root = `${segments.shift()!}/`;
    display = root;
  }
  if (segments.at(-1) === "") segments.pop(); // "dir/**/" means the same as "dir/**"
  const found = new Set<string>();
  walk(root, display, segments, new Set([0]), found);
  return [...found].sort((a, b) => a.localeCompare(b));
}

/**
 * Walks the tree once, carrying the set of pattern positions that can be at each directory (an NFA
 * over segments), so a pattern with several `**` visits each directory once instead of once per way
 * of splitting the path between them.
 */
function walk(dir: string, shown: string, segments: string[], states: ReadonlySet<number>, found: Set<string>): void {
  const here = closure(segments, states);
  if (here.has(segments.length) && shown !== "") found.add(shown);
  const live = [...here].filter((i) => i < segments.length);
  if (live.length === 0) return;
  const child = (name: string) => ({ path: dir === "." ? name : join(dir, name), shown: shown === "" ? name : shown.endsWith("/") ? `${shown}${name}` : `${shown}/${name}` });

  // One literal segment left to match: no need to list the directory (it may not be listable).
  if (live.length === 1 && !hasGlob(segments[live[0]!]!)) {
    const index = live[0]!;
    const next = child(segments[index]!);
    if (index === segments.length - 1) {
      if (exists(next.path)) found.add(next.shown);
    } else if (isDirectory(next.path)) walk(next.path, next.shown, segments, new Set([index + 1]), found);
    return;
  }

  const matchers = new Map<number, (name: string) => boolean>();
  for (const i of live) {
    const segment = segments[i]!;
    if (segment !== "**") matchers.set(i, hasGlob(segment) ? segmentMatcher(segment) : literalMatcher(segment));
  }
  for (const entry of entries(dir)) {
    const next = child(entry.name);
    const hidden = entry.name.startsWith(".");
    const nextStates = new Set<number>();
    let isDir: boolean | undefined;
    const directory = () => (isDir ??= isDirectory(next.path));
    for (const i of live) {
      const segment = segments[i]!;
      const last = i === segments.length - 1;
      if (segment === "**") {
        // `**` does not enter hidden directories or follow links; a trailing `**` also matches files.
        if (hidden) continue;
        if (entry.isDirectory()) nextStates.add(i);
        else if (last) found.add(next.shown);
        continue;
      }
      if (hidden && !segment.startsWith(".")) continue;
      if (!matchers.get(i)!(entry.name)) continue;
      if (last) found.add(next.shown);
      else if (directory()) nextStates.add(i + 1);
    }
    if (nextStates.size > 0) walk(next.path, next.shown, segments, nextStates, found);
  }
}

/** The positions reachable without consuming a directory: a `**` may match zero of them. */
function closure(segments: string[], states: ReadonlySet<number>): Set<number> {
  const out = new Set(states);
  for (const i of out) if (segments[i] === "**") out.add(i + 1);
  return out;
}

function literalMatcher(segment: string): (name: string) => boolean {
  if (process.platform === "win32") {
    const lower = segment.toLowerCase();
    return (name) => name.toLowerCase() === lower;
  }
  return (name) => name === segment;
}

/**
 * `*` any run of characters, `?` one character, everything else literal (one path segment). No
 * regular expression and no backtracking: the pieces between stars are found left to right, each at
 * its first possible place, which is enough for `*` (any later match of a piece only leaves less room
 * for the rest). Time is bounded by name length × pattern length, whatever the pattern.
 */
export function segmentMatcher(segment: string): (name: string) => boolean {
  const fold = process.platform === "win32" ? (s: string) => s.toLowerCase() : (s: string) => s;
  const pieces = [...fold(segment)].join("").split("*").map((p) => [...p]);
  const anchoredStart = pieces.length === 1;
  return (rawName: string) => {
    const name = [...fold(rawName)];
    const at = (piece: string[], pos: number) => {
      if (pos + piece.length > name.length) return false;
      for (let k = 0; k < piece.length; k++) if (piece[k] !== "?" && piece[k] !== name[pos + k]) return false;
      return true;
    };
    if (anchoredStart) return pieces[0]!.length === name.length && at(pieces[0]!, 0);
    const first = pieces[0]!;
    const lastPiece = pieces[pieces.length - 1]!;
    if (first.length + lastPiece.length > name.length) return false;
    if (!at(first, 0) || !at(lastPiece, name.length - lastPiece.length)) return false;
    let pos = first.length;
    const end = name.length - lastPiece.length;
    for (let p = 1; p < pieces.length - 1; p++) {
      const piece = pieces[p]!;
      let found = -1;
      for (let start = pos; start + piece.length <= end; start++) {
        if (at(piece, start)) {
          found = start;
          break;
        }
      }
      if (found === -1) return false;
      pos = found + piece.length;
    }
    return true;
  };
}

function entries(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // unreadable or vanished: nothing matches there
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
