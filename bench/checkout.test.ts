import { describe, expect, it } from "vitest";
import { statementProfile } from "./checkout";

describe("statementProfile", () => {
  it("keeps the order the statements ran in and folds only a run of the same one", () => {
    const text = statementProfile(["SELECT `main`.`Cart`", "SELECT `main`.`Product`", "SELECT `main`.`Product`", "COMMIT", "SELECT `main`.`Cart`"]);
    expect(text.split("\n")).toEqual(["    1 × SELECT `Cart`", "    2 × SELECT `Product`", "    1 × COMMIT", "    1 × SELECT `Cart`"]);
  });
});
