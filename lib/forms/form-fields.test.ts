import { describe, expect, it } from "vitest";
import { formFields } from "@/lib/forms/form-fields";

describe("formFields", () => {
  it("reads a form's fields", () => {
    const form = new FormData();
    form.set("orderId", "1");
    form.set("note", "x");
    expect(formFields(form)).toEqual({ orderId: "1", note: "x" });
  });

  it("gives nothing for values that are not a form (no throw, no pairs taken from arrays)", () => {
    for (const value of [null, undefined, "orderId=1", 42, { orderId: "1" }, [["orderId", "1"]]]) expect(formFields(value)).toEqual({});
  });
});
