import { describe, expect, it } from "vitest";
import { formData } from "@/test/support/form-data";
import { readSettingsForm } from "@/lib/payments/settings/form";

describe("readSettingsForm", () => {
  const fields = ["enabled", "title", "merchantPass", "declinesPerOrder"] as const;

  it("reads the text fields; an unticked checkbox may be absent", () => {
    expect(readSettingsForm("card", formData({ title: "カード", merchantPass: "", declinesPerOrder: "3" }), fields)).toEqual({ ok: true, input: { title: "カード", merchantPass: "", declinesPerOrder: "3" } });
  });

  it("refuses a form missing any other field, secrets included", () => {
    expect(readSettingsForm("card", formData({ enabled: "on", title: "カード" }), fields)).toEqual({ ok: false, errors: { merchantPass: "errors.required", declinesPerOrder: "errors.required" } });
  });

  it("refuses what is not a FormData", () => {
    for (const value of [null, undefined, "title=x", 1, { title: "x" }, [["title", "x"]]]) expect(readSettingsForm("card", value, fields).ok).toBe(false);
  });
});
