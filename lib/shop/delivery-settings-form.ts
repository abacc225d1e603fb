// The delivery settings form's fields → the section's input (checkbox groups arrive as repeated
// names, closed dates as one line each in a textarea).
import { MAX_CLOSED_DATES } from "@/lib/shop/delivery";

export function deliverySettingsInput(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const lines = text("closedDates")
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    enabled: text("enabled"),
    leadDays: text("leadDays"),
    windowDays: text("windowDays"),
    closedWeekdays: form.getAll("closedWeekdays").filter((v) => typeof v === "string").slice(0, 7),
    // One more than allowed, so the schema answers "too many" instead of silently dropping dates.
    closedDates: lines.slice(0, MAX_CLOSED_DATES + 1),
    slots: form.getAll("slots").filter((v) => typeof v === "string").slice(0, 10),
  };
}
