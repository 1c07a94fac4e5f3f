import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, forJson, forTerminal, githubData, githubProperty, markdownText, MAX_VALUE } from "../../src/cli/sanitize.js";

/** Strings rich in what attacks output: controls, ESC sequences, bidi overrides, command and Markdown syntax. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom("::", "::error::", "::stop-commands::", "##[", "\n", "\r", "\r\n", "\x1b", "\x1b[31m", "\x1b]8;;http://x\x07", "\x9b", "\x85", "\u202e", "\u2066", "\u2028", "%", "%0A", ":", ",", " ", "\t"),
    fc.constantFrom("|", "`", "<script>", "<img src=x>", "[a](http://x)", "![i](http://x/i.png)", "https://evil.example", "www.evil.example", "a@b.example", "*", "_", "~", "$", "\\", "&"),
    fc.string({ unit: "binary", maxLength: 3 }),
  ),
  maxLength: 40,
});

// eslint-disable-next-line no-control-regex
const CONTROLS_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe("sanitize", () => {
  it("terminal text: no ESC, no control character, no line break, no bidi override survives", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const out = forTerminal(value);
        expect(out).not.toMatch(CONTROLS);
        expect(out.includes("\x1b")).toBe(false);
      }),
    );
  });

  it("terminal text: a value cannot start a workflow command, wherever it is placed in a line", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const out = forTerminal(value);
        expect(out.trimStart().startsWith("::")).toBe(false);
        expect(out.includes("##[")).toBe(false);
      }),
    );
  });

  it("github: one line per annotation whatever the values; only our own lines start with ::", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (file, title, message) => {
        const line = `::error file=${githubProperty(file)},title=${githubProperty(title)}::${githubData(message)}`;
        expect(line.split(/\r|\n|\u2028|\u2029/)).toHaveLength(1);
        // Properties end at , and :: only where we put them.
        const properties = line.slice("::error ".length, line.indexOf("::", 2));
        expect(properties.split(",").map((p) => p.split("=")[0])).toEqual(["file", "title"]);
        expect(githubProperty(file)).not.toMatch(/[:,\r\n]/);
        expect(githubData(message)).not.toMatch(/[\r\n]/);
        expect(githubData(message)).not.toMatch(CONTROLS);
      }),
    );
  });

  it("github: the escapes the runner decodes come back as the (neutralised) text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "%", ":", ",", "x", "1") }), (value) => {
        const decode = (s: string) => s.replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
        expect(decode(githubProperty(value))).toBe(forTerminal(value));
      }),
    );
  });

  it("markdown: no raw HTML, link, image, autolink, code span, cell break or line break", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const out = markdownText(value);
        expect(out).not.toMatch(/[<>\n\r]/);
        expect(out).not.toMatch(/(^|[^\\])[`|[\]*_~$]/); // every such character is escaped
        expect(out).not.toMatch(/:\/\/|www\.|@/i);
        expect(out).not.toMatch(CONTROLS);
      }),
    );
  });

  it("clip: bounded length, marks what it left out, never splits a surrogate pair", () => {
    const huge = "é".repeat(1 << 20);
    expect(clip(huge)).toBe(`${"é".repeat(MAX_VALUE)}… (${(1 << 20) - MAX_VALUE} more characters)`);
    expect(clip("short")).toBe("short");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 1, max: 300 }), (value, max) => {
        const out = clip(value, max);
        expect(out.length).toBeLessThanOrEqual(max + 40);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
      }),
    );
  });

  it("json: the same value, with nothing a terminal or the runner acts on left raw", () => {
    fc.assert(
      fc.property(fc.dictionary(hostile, fc.oneof(hostile, fc.array(hostile, { maxLength: 3 }))), (value) => {
        const out = forJson(JSON.stringify(value, null, 2));
        expect(JSON.parse(out)).toEqual(value);
        expect(out).not.toMatch(CONTROLS_EXCEPT_NEWLINE);
        expect(out.includes("##[")).toBe(false);
        for (const line of out.split("\n")) expect(line.trimStart().startsWith("::")).toBe(false);
      }),
    );
  });

  it("examples", () => {
    expect(forTerminal("::error::pwned")).toBe("\\u{3a}:error::pwned");
    expect(forTerminal("a\x1b[2Jb\nc")).toBe("a\\u{1b}[2Jb\\u{a}c");
    expect(githubProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
    expect(markdownText("| [x](http://y) <b>`c`</b>")).toBe("\\| \\[x\\](http&#58;//y) &lt;b&gt;\\`c\\`&lt;/b&gt;");
  });
});
