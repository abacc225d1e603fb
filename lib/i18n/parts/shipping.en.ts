import type { shippingJa } from "@/lib/i18n/parts/shipping.ja";
import type { Shape } from "@/lib/i18n/parts/shape";

export const shippingEn: Shape<typeof shippingJa> = {
  navSettings: "Shipping fees",
  settingsTitle: "Shipping fee settings",
  settingsIntro: "Set a fee per region and override it for single prefectures where needed. A blank region uses the base fee; a blank prefecture uses its region's fee.",
  baseFee: "Base fee (yen)",
  baseFeeHint: "Charged where a region has no fee, and shown in the cart before the address is known. Blank: {fee} yen.",
  freeThreshold: "Free shipping from (yen, tax incl.)",
  freeThresholdHint: "Orders whose items reach this amount ship free. Blank: {threshold} yen.",
  regions: "Fee by region (yen)",
  regionFee: "Fee for the {region} region",
  prefectures: "Overrides by prefecture (yen)",
  prefectureFee: "Fee for {prefecture}",
  islandSurcharge: "Remote island surcharge (yen)",
  islandSurchargeHint: "Added even to orders that ship free (the carrier's relay charge).",
  islandPrefixes: "Remote island postal codes (leading digits)",
  islandPrefixesHint: "3–7 digits, separated by commas or new lines (e.g. 0430,0440). Up to 200.",
  feeRange: "Enter a whole number from 0 to 100000.",
  prefixInvalid: "Enter the first 3 to 7 digits of a postal code.",
  prefixesTooMany: "Up to 200 island postal codes.",
  saveSettings: "Save settings",
  settingsSaved: "The shipping fee settings were saved.",
  settingsInvalid: "Please check your input.",
  updating: "Recalculating shipping…",
};
