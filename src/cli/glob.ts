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
  walk(root, display, segments, 0, found);
  return [...found].sort((a, b) => a.localeCompare(b));
}

function walk(dir: string, shown: string, segments: string[], index: number, found: Set<string>): void {
  if (index === segments.length) {
    if (shown !== "") found.add(shown);
    return;
  }
  const segment = segments[index]!;
  const last = index === segments.length - 1;
  const child = (name: string) => ({ path: dir === "." ? name : join(dir, name), shown: shown === "" ? name : shown.endsWith("/") ? `${shown}${name}` : `${shown}/${name}` });

  if (segment === "**") {
    // Zero directories, then one more level with the same `**` still to match.
    walk(dir, shown, segments, index + 1, found);
    for (const entry of entries(dir)) {
      if (entry.name.startsWith(".")) continue;
      const next = child(entry.name);
      // A trailing `**` matches everything beneath, files included; elsewhere it only spans directories.
      if (entry.isDirectory()) walk(next.path, next.shown, segments, index, found);
      else if (last) found.add(next.shown);
    }
    return;
  }

  if (!hasGlob(segment)) {
    const next = child(segment);
    if (last) {
      if (exists(next.path)) found.add(next.shown);
    } else if (isDirectory(next.path)) walk(next.path, next.shown, segments, index + 1, found);
    return;
  }

  const matcher = segmentMatcher(segment);
  for (const entry of entries(dir)) {
    if (entry.name.startsWith(".") && !segment.startsWith(".")) continue;
    if (!matcher.test(entry.name)) continue;
    const next = child(entry.name);
    if (last) found.add(next.shown);
    else if (isDirectory(next.path)) walk(next.path, next.shown, segments, index + 1, found);
  }
}

/** `*` any run of characters, `?` one character, everything else literal (one path segment). */
export function segmentMatcher(segment: string): RegExp {
  let source = "";
  for (const char of segment) {
    if (char === "*") source += "[^/\\\\]*";
    else if (char === "?") source += "[^/\\\\]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, process.platform === "win32" ? "i" : "");
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
