import { config } from "zod/v4/core";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { setZodJitless } from "@/lib/security/zod-jitless";

describe("setZodJitless", () => {
  it("sets the flag zod itself reads (z.config), so a zod upgrade that moves it fails here", () => {
    const before = config().jitless;
    try {
      config({ jitless: false });
      setZodJitless();
      expect(config().jitless).toBe(true);
      expect(z.config().jitless).toBe(true);
    } finally {
      config({ jitless: before });
    }
  });
});
