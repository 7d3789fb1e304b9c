import { describe, expect, it } from "vitest";
import { findHiddenCharacter, hiddenCharacterMessage } from "../src/hidden-characters";

describe("findHiddenCharacter", () => {
  it.each([
    ["NUL", "ab\u0000c", "control", 0x0000],
    ["a C0 control", "ab\u001Bc", "control", 0x001b],
    ["DEL", "ab\u007Fc", "control", 0x007f],
    ["a C1 control", "ab\u009Bc", "control", 0x009b],
    ["a tab inside", "ab\tc", "control", 0x0009],
    ["a left-to-right embedding", "ab\u202Ac", "direction", 0x202a],
    ["a right-to-left override", "ab\u202Ec", "direction", 0x202e],
    ["a left-to-right isolate", "ab\u2066c", "direction", 0x2066],
    ["a pop directional isolate", "ab\u2069c", "direction", 0x2069],
    ["a right-to-left mark", "ab\u200Fc", "direction", 0x200f],
    ["a zero-width space", "ab\u200Bc", "invisible", 0x200b],
    ["a zero-width non-joiner", "ab\u200Cc", "invisible", 0x200c],
    ["a zero-width joiner", "ab\u200Dc", "invisible", 0x200d],
    ["a word joiner", "ab\u2060c", "invisible", 0x2060],
    ["a byte order mark inside", "ab\uFEFFc", "invisible", 0xfeff],
    ["a soft hyphen", "ab\u00ADc", "invisible", 0x00ad],
    ["a line separator inside", "ab\u2028c", "line_break", 0x2028],
    ["a lone high surrogate", "ab\uD800c", "surrogate", 0xd800],
    ["a lone low surrogate", "ab\uDC00c", "surrogate", 0xdc00],
  ])("when a value holds %s, then it is found at position 3 with its class", (_label, raw, kind, codePoint) => {
    expect(findHiddenCharacter(raw)).toEqual({ kind, codePoint, position: 3, more: 0 });
  });

  it.each([
    ["plain ASCII with inner spaces", "s3cr et~!@#$%^&*()_+-=[]{}|;':\",./<>?`"],
    ["accented and non-Latin letters", "Café Zürich 東京 Москва"],
    ["a surrogate pair (emoji)", "Acme 🚀"],
    ["white space and a byte order mark at the ends, which trimming removes", "\uFEFF\t abc \n"],
  ])("when a value holds %s, then nothing is found", (_label, raw) => {
    expect(findHiddenCharacter(raw)).toBeNull();
  });

  it("when characters before one are astral or trimmed, then the position counts characters of the value as sent", () => {
    expect(findHiddenCharacter("  🚀a\u200B")?.position).toBe(5);
  });

  it("when several are present, then the first is named and the rest counted", () => {
    expect(findHiddenCharacter("a\u200Bb\u0000c\u202E")).toEqual({ kind: "invisible", codePoint: 0x200b, position: 2, more: 2 });
  });

  it("when a class is ignored by the caller, then those characters pass", () => {
    expect(findHiddenCharacter("a\tb\nc", /[\t\n]/)).toBeNull();
  });
});

describe("hiddenCharacterMessage", () => {
  it("when one is found, then the message names the field, the character and the position and says how to fix it", () => {
    const found = { kind: "invisible", codePoint: 0x200b, position: 7, more: 0 } as const;
    expect(hiddenCharacterMessage("Client ID", found, "or copy it again")).toBe(
      "Client ID contains the invisible character U+200B (zero-width space) at position 7: remove it, or copy it again.",
    );
  });

  it("when more follow, then the message says how many", () => {
    const found = { kind: "control", codePoint: 0x1b, position: 1, more: 2 } as const;
    expect(hiddenCharacterMessage("Name", found, "or type it")).toBe(
      "Name contains the control character U+001B at position 1 and 2 more after it: remove them, or type it.",
    );
  });
});
