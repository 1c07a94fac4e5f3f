import { describe, expect, it } from "vitest";
import { preview } from "../../src/cli/format.js";
import type { MlflowSpan } from "../../src/index.js";

const span = (inputs: unknown, outputs: unknown): MlflowSpan => ({ name: "s", spanType: "UNKNOWN", inputs, outputs, attributes: {}, conventions: [], diagnostics: [] });

describe("inspect's preview column", () => {
  it("shows the last user text and the first reply of a chat", () => {
    const chat = span({ messages: [{ role: "system", content: "be brief" }, { role: "user", content: [{ type: "text", text: "hi" }, { type: "image_url" }] }] }, { choices: [{ index: 0, message: { role: "assistant", content: "hello" } }] });
    expect(preview(chat)).toBe("hi [image_url] → hello");
  });

  it("shows a list that is not content parts (a tool's result) as its JSON", () => {
    expect(preview(span({}, ["celsius", "fahrenheit"]))).toBe('{} → ["celsius","fahrenheit"]');
  });
});
