import { describe, expect, it } from "vitest";
import { createSecretBox } from "@/lib/security/secret-box";

const box = createSecretBox("k".repeat(40));

describe("secret box", () => {
  it("round-trips and never stores the plain text", () => {
    const sealed = box.seal("EmuCardPass01");
    expect(sealed).not.toContain("EmuCardPass01");
    expect(box.open(sealed)).toBe("EmuCardPass01");
  });
  it("uses a fresh IV every time", () => {
    expect(box.seal("same")).not.toBe(box.seal("same"));
  });
  it("refuses tampered values and values sealed with another key", () => {
    const sealed = box.seal("secret");
    const flipped = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(() => box.open(flipped)).toThrow();
    expect(() => createSecretBox("z".repeat(40)).open(sealed)).toThrow();
  });
  it("refuses short keys", () => {
    expect(() => createSecretBox("short")).toThrow(/32/);
  });
});
