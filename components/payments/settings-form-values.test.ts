import { describe, expect, it } from "vitest";
import { formValues } from "@/components/payments/settings-form-values";

describe("formValues", () => {
  it("copies only the named fields, so secrets stay on the server", () => {
    const settings = { enabled: true, title: "カード", merchantPass: "secret", feeRows: [{ from: 1, to: null, fee: 0 }] };
    const values = formValues(settings, ["enabled", "title", "feeRows"]);
    expect(values).toEqual({ enabled: true, title: "カード", feeRows: [{ from: 1, to: null, fee: 0 }] });
    expect(values).not.toHaveProperty("merchantPass");
  });
});
