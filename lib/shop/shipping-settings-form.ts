// The shipping settings form's fields → the section's input: region.<id> and pref.<code> fee boxes
// (blank = not set), island prefixes as one text ("0430,0440" or one a line).
import { MAX_ISLAND_PREFIXES, PREFECTURE_CODES, REGION_IDS } from "@/lib/shop/shipping-fees";

export function shippingSettingsInput(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  return {
    baseFee: text("baseFee"),
    freeThreshold: text("freeThreshold"),
    regionFees: Object.fromEntries(REGION_IDS.map((id) => [id, text(`region.${id}`)])),
    prefectureFees: Object.fromEntries(PREFECTURE_CODES.map((code) => [code, text(`pref.${code}`)])),
    islandSurcharge: text("islandSurcharge"),
    // One more than allowed, so the schema answers "too many" instead of silently dropping some.
    islandPrefixes: text("islandPrefixes").split(/[\s,、]+/).filter(Boolean).slice(0, MAX_ISLAND_PREFIXES + 1),
  };
}
