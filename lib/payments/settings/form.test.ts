import { describe, expect, it } from "vitest";
import { readSettingsForm } from "@/lib/payments/settings/form";

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe("readSettingsForm", () => {
  const fields = ["enabled", "title", "merchantPass", "declinesPerOrder"] as const;

  it("reads the text fields; an unticked checkbox may be absent", () => {
    expect(readSettingsForm("card", form({ title: "カード", merchantPass: "", declinesPerOrder: "3" }), fields)).toEqual({ ok: true, input: { title: "カード", merchantPass: "", declinesPerOrder: "3" } });
  });

  it("refuses a form missing any other field, secrets included", () => {
    expect(readSettingsForm("card", form({ enabled: "on", title: "カード" }), fields)).toEqual({ ok: false, errors: { merchantPass: "errors.required", declinesPerOrder: "errors.required" } });
  });

  it("refuses what is not a FormData", () => {
    for (const value of [null, undefined, "title=x", 1, { title: "x" }, [["title", "x"]]]) expect(readSettingsForm("card", value, fields).ok).toBe(false);
  });
});
