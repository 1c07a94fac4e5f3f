/**
 * Output safety. Span names, attribute keys and values, trace ids, file names and parser messages
 * come from untrusted traces and reach a terminal, the GitHub Actions log (which executes `::command::`
 * lines on stdout and stderr) and Markdown job summaries. Every such value goes through one of these
 * functions for the format it is written in, after `clip` has bounded its length.
 */

/** Longest value kept in a finding (a span name, a key, a trace id); messages get MAX_MESSAGE. */
export const MAX_VALUE = 200;
export const MAX_MESSAGE = 1000;

/**
 * At most `max` UTF-16 units of `text`, cut on a code point boundary and marked with how much was
 * left out, so a 1 MiB span name costs a few hundred bytes per finding.
 */
export function clip(text: string, max = MAX_VALUE): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // do not split a surrogate pair
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

/**
 * C0 controls (newlines and tabs included: a value never spans lines), DEL, C1 controls (0x9B is a
 * one-byte CSI for some terminals), the line and paragraph separators, and the bidirectional
 * formatting characters that reorder what is displayed (Trojan Source).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const visible = (char: string) => `\\u{${char.codePointAt(0)!.toString(16)}}`;

/**
 * A value for one line of terminal text: control and bidi characters are shown as `\u{1b}`, and the
 * value cannot open a GitHub workflow command (`::name::` at the start of a line, `##[` anywhere),
 * whatever position it ends up in.
 */
export function forTerminal(text: string): string {
  return neutraliseCommands(text.replace(CONTROL, visible));
}

function neutraliseCommands(text: string): string {
  // The runner trims leading whitespace before it looks for "::".
  const lead = /^[\s]*::/.exec(text);
  let out = lead ? `${text.slice(0, lead[0].length - 2)}\\u{3a}:${text.slice(lead[0].length)}` : text;
  if (out.includes("##[")) out = out.replace(/##\[/g, "#\\u{23}[");
  return out;
}

/**
 * The message of a GitHub workflow command (`::error …::MESSAGE`). The runner decodes `%25`, `%0D`,
 * `%0A`; control characters are also made visible, since the log viewer renders ANSI colours.
 */
export function githubData(text: string): string {
  return forTerminal(text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/** A property of a GitHub workflow command (`file=…,title=…`): also `:` and `,`, which end it. */
export function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * Text inside a Markdown table cell or list item of a GitHub job summary: no raw HTML, no links,
 * images or autolinks, no code spans, no emphasis, no math, no cell breaks and no line breaks. The
 * characters that open those are backslash-escaped; `<`, `>` and `&` become entities; `:`, `@` and
 * the dot after `www` too, so `https://…`, `www.…` and e-mail addresses are not turned into links.
 * Values never start a line (they follow `| ` or `- `), so line-start syntax (`#`, `-`, `>`) is inert.
 */
export function markdownText(text: string): string {
  let out = "";
  const chars = [...forTerminal(text)];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    switch (char) {
      case "&":
        out += "&amp;";
        break;
      case "<":
        out += "&lt;";
        break;
      case ">":
        out += "&gt;";
        break;
      case ":":
        out += "&#58;"; // no scheme: https://… is not autolinked
        break;
      case "@":
        out += "&#64;"; // no e-mail autolink
        break;
      case ".":
        // www.example.com is autolinked without a scheme
        out += i >= 3 && chars.slice(i - 3, i).join("").toLowerCase() === "www" ? "&#46;" : ".";
        break;
      default:
        // Emphasis, code spans, links and images, cell breaks, strikethrough, math.
        out += /[\\`*_[\]|~$]/.test(char) ? `\\${char}` : char;
    }
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const JSON_UNSAFE = /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|##\[/g;

/**
 * JSON text (convert's output, the JSON reports) for a terminal or a CI log: the same data, with the
 * characters JSON.stringify leaves raw but a terminal or the GitHub runner would act on written as
 * `\uXXXX` escapes (C1 controls, bidi formatting, line separators, the `#` of a legacy `##[command]`).
 * Outside strings none of them can occur, so the result is valid JSON for the same value.
 */
export function forJson(text: string): string {
  JSON_UNSAFE.lastIndex = 0;
  if (!JSON_UNSAFE.test(text)) return text;
  return text.replace(JSON_UNSAFE, (match) => (match === "##[" ? "#\\u0023[" : `\\u${match.charCodeAt(0).toString(16).padStart(4, "0")}`));
}
