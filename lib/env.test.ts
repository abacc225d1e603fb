import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("has a working default for every variable", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      DATABASE_URL: "file:./data/shop.db",
      SITE_URL: "http://localhost:3000",
      PORT: 3000,
      ESCOTT_TARGET: "emulator",
      ESCOTT_EMULATOR_URL: "http://localhost:4010",
      ESCOTT_TIMEOUT_MS: 60000,
      EMULATOR_AUTOSTART: true,
    });
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ SITE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("stops with a message naming each invalid variable", () => {
    for (const name of ["SITE_URL", "PORT", "ESCOTT_TARGET", "NEXTAUTH_SECRET"]) {
      expect(() => parseEnv({ SITE_URL: "not a url", PORT: "70000", ESCOTT_TARGET: "paypal", NEXTAUTH_SECRET: "short" }), name).toThrow(name);
    }
    try {
      parseEnv({ DATABASE_URL: "mysql://x", EMULATOR_AUTOSTART: "maybe" });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("EMULATOR_AUTOSTART");
      return;
    }
    throw new Error("expected parseEnv to throw");
  });
});
