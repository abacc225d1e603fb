import { describe, expect, it } from "vitest";
import { deliveryDates, deliverySettingsSchema, parseDeliveryChoice, tokyoToday, type DeliverySettings } from "@/lib/shop/delivery";
import { formatDeliveryDate } from "@/lib/shop/delivery-format";

const settings = (over: Partial<DeliverySettings> = {}): DeliverySettings => ({ ...deliverySettingsSchema.parse({ enabled: true }), ...over });

// 2026-12-04 is a Friday.
const fridayNoonTokyo = new Date("2026-12-04T03:00:00Z");

describe("tokyoToday", () => {
  it("switches to the next day at midnight in Japan, not at UTC midnight", () => {
    expect(tokyoToday(new Date("2026-12-04T14:59:59Z"))).toBe("2026-12-04"); // 23:59:59 JST
    expect(tokyoToday(new Date("2026-12-04T15:00:00Z"))).toBe("2026-12-05"); // 00:00 JST, still the 4th in UTC
  });
});

describe("deliveryDates", () => {
  it("defaults: off, 2 lead days, a 7-day window, every carrier slot", () => {
    expect(deliverySettingsSchema.parse({})).toEqual({ enabled: false, leadDays: 2, windowDays: 7, closedWeekdays: [], closedDates: [], slots: ["am", "14-16", "16-18", "18-20", "19-21"] });
    expect(deliveryDates(deliverySettingsSchema.parse({}), fridayNoonTokyo)).toEqual([]);
  });

  it("starts lead days after today and offers the window's calendar days", () => {
    expect(deliveryDates(settings({ leadDays: 2, windowDays: 3 }), fridayNoonTokyo)).toEqual(["2026-12-06", "2026-12-07", "2026-12-08"]);
    expect(deliveryDates(settings({ leadDays: 0, windowDays: 3 }), fridayNoonTokyo)[0]).toBe("2026-12-04");
  });

  it("does not count closed days as lead days and leaves them out of the window", () => {
    // Closed on Saturdays and Sundays and on Tuesday the 8th: Mon 7th is the 1st open day, Wed 9th the 2nd.
    const s = settings({ leadDays: 2, windowDays: 5, closedWeekdays: [0, 6], closedDates: ["2026-12-08"] });
    expect(deliveryDates(s, fridayNoonTokyo)).toEqual(["2026-12-09", "2026-12-10", "2026-12-11"]);
  });

  it("uses the Tokyo date at the midnight boundary (15:00 UTC)", () => {
    const s = settings({ leadDays: 1, windowDays: 3 });
    expect(deliveryDates(s, new Date("2026-12-04T14:59:00Z"))[0]).toBe("2026-12-05");
    expect(deliveryDates(s, new Date("2026-12-04T15:01:00Z"))[0]).toBe("2026-12-06");
  });

  it("crosses month and year ends", () => {
    expect(deliveryDates(settings({ leadDays: 2, windowDays: 3 }), new Date("2026-12-30T03:00:00Z"))).toEqual(["2027-01-01", "2027-01-02", "2027-01-03"]);
  });

  it("offers nothing (and does not loop) when every weekday is closed", () => {
    expect(deliveryDates(settings({ closedWeekdays: [0, 1, 2, 3, 4, 5, 6] }), fridayNoonTokyo)).toEqual([]);
  });
});

describe("deliverySettingsSchema", () => {
  it("refuses a window outside 3–14 days, lead days over 30 and malformed or too many closed dates", () => {
    const issues = (v: unknown) => deliverySettingsSchema.safeParse(v).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ windowDays: "2" })).toEqual([["windowDays", "delivery.windowDaysRange"]]);
    expect(issues({ windowDays: "15" })).toEqual([["windowDays", "delivery.windowDaysRange"]]);
    expect(issues({ leadDays: "31" })).toEqual([["leadDays", "delivery.leadDaysRange"]]);
    expect(issues({ closedDates: ["2026-02-30"] })).toEqual([["closedDates.0", "delivery.closedDateInvalid"]]);
    const many = Array.from({ length: 101 }, (_, i) => `2027-01-01`.replace("01-01", `${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`));
    expect(issues({ closedDates: many })).toEqual([["closedDates", "delivery.closedDatesTooMany"]]);
    expect(issues({ slots: ["am", "8-12"] })?.[0]?.[0]).toBe("slots.1");
  });
});

describe("parseDeliveryChoice", () => {
  const s = settings({ leadDays: 2, windowDays: 3, slots: ["am", "19-21"] });
  it("accepts 指定なし and an offered date and slot", () => {
    expect(parseDeliveryChoice(s, fridayNoonTokyo, {})).toEqual({ ok: true, value: { date: null, slot: null } });
    expect(parseDeliveryChoice(s, fridayNoonTokyo, { deliveryDate: "2026-12-07", deliverySlot: "19-21" })).toEqual({ ok: true, value: { date: "2026-12-07", slot: "19-21" } });
  });

  it("refuses a date before the earliest day or after the window, a slot not offered, and non-strings", () => {
    expect(parseDeliveryChoice(s, fridayNoonTokyo, { deliveryDate: "2026-12-05" })).toEqual({ ok: false, errors: { deliveryDate: "delivery.dateUnavailable" } });
    expect(parseDeliveryChoice(s, fridayNoonTokyo, { deliveryDate: "2026-12-09" })).toEqual({ ok: false, errors: { deliveryDate: "delivery.dateUnavailable" } });
    expect(parseDeliveryChoice(s, fridayNoonTokyo, { deliverySlot: "14-16" })).toEqual({ ok: false, errors: { deliverySlot: "delivery.slotUnavailable" } });
    expect(parseDeliveryChoice(s, fridayNoonTokyo, { deliveryDate: ["2026-12-07"], deliverySlot: 1 })).toEqual({ ok: false, errors: { deliveryDate: "delivery.dateUnavailable", deliverySlot: "delivery.slotUnavailable" } });
  });

  it("refuses a date that left the window at Tokyo midnight between the page and the submit", () => {
    const t = settings({ leadDays: 0, windowDays: 3 });
    expect(parseDeliveryChoice(t, new Date("2026-12-04T14:59:00Z"), { deliveryDate: "2026-12-04" }).ok).toBe(true);
    expect(parseDeliveryChoice(t, new Date("2026-12-04T15:00:00Z"), { deliveryDate: "2026-12-04" }).ok).toBe(false);
  });

  it("refuses any choice when the shop does not offer it", () => {
    const off = settings({ enabled: false });
    expect(parseDeliveryChoice(off, fridayNoonTokyo, {}).ok).toBe(true);
    expect(parseDeliveryChoice(off, fridayNoonTokyo, { deliveryDate: "2026-12-07", deliverySlot: "am" })).toEqual({ ok: false, errors: { deliveryDate: "delivery.dateUnavailable", deliverySlot: "delivery.slotUnavailable" } });
  });
});

describe("formatDeliveryDate", () => {
  it("shows the stored calendar day with its weekday in both languages", () => {
    expect(formatDeliveryDate("2026-12-05", "ja")).toBe("2026年12月5日(土)");
    expect(formatDeliveryDate("2026-12-05", "en")).toBe("Sat, 5 Dec 2026");
  });
});
