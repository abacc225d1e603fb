import { describe, expect, it } from "vitest";
import { isPayLimitPast, jstDate, parseJstTimestamp, payLimitFromDate, payLimitFromDays } from "./dates";

describe("JST dates", () => {
  it("uses the Japanese calendar date around UTC midnight and JST midnight", () => {
    // 14:59:59 UTC = 23:59:59 JST (same day); 15:00 UTC = 00:00 JST next day.
    expect(jstDate(new Date("2025-03-31T14:59:59Z"))).toBe("20250331");
    expect(jstDate(new Date("2025-03-31T15:00:00Z"))).toBe("20250401");
    // 23:30 UTC on Dec 31 is already 08:30 Jan 1 in Tokyo.
    expect(jstDate(new Date("2024-12-31T23:30:00Z"))).toBe("20250101");
  });

  it("PayLimit: N days → that JST date at 23:59; 1 = tomorrow", () => {
    const justAfterJstMidnight = new Date("2025-03-31T15:00:30Z"); // 2025-04-01 00:00:30 JST
    expect(payLimitFromDays(1, justAfterJstMidnight)).toBe("202504022359");
    expect(payLimitFromDays(7, justAfterJstMidnight)).toBe("202504082359");
    const lastJstMinute = new Date("2025-03-31T14:59:00Z"); // 2025-03-31 23:59 JST
    expect(payLimitFromDays(1, lastJstMinute)).toBe("202504012359");
    expect(payLimitFromDays(30, new Date("2024-02-15T03:00:00Z"))).toBe("202403162359");
    expect(() => payLimitFromDays(-1, lastJstMinute)).toThrow(RangeError);
    expect(() => payLimitFromDays(1.5, lastJstMinute)).toThrow(RangeError);
  });

  it("PayLimit from an admin date and expiry check in JST", () => {
    expect(payLimitFromDate("20250410")).toBe("202504102359");
    expect(() => payLimitFromDate("20250231")).toThrow(RangeError);
    expect(isPayLimitPast("202504102359", new Date("2025-04-10T14:59:00Z"))).toBe(false);
    expect(isPayLimitPast("202504102359", new Date("2025-04-10T15:00:00Z"))).toBe(true);
  });

  it("reads NyukinDate as JST in 14, 12 or 8 digits", () => {
    expect(parseJstTimestamp("20250101000000")?.toISOString()).toBe("2024-12-31T15:00:00.000Z");
    expect(parseJstTimestamp("202501011230")?.toISOString()).toBe("2025-01-01T03:30:00.000Z");
    expect(parseJstTimestamp("20250101")?.toISOString()).toBe("2024-12-31T15:00:00.000Z");
    expect(parseJstTimestamp("2025-01-01")).toBeNull();
    expect(parseJstTimestamp("20251301")).toBeNull();
  });
});
