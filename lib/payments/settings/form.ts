// The settings forms' fields, read from what a server action was given. A form is all or nothing: a
// field missing from the submission (a hand-made or truncated request) would otherwise fall back to
// its default and silently reset a setting the admin never touched. Only an unticked checkbox may be
// absent (that is how browsers send it); everything else must be there, secrets included (blank keeps
// the stored one).
import type { FieldErrors } from "@/lib/checkout/address-schema";
import type { GatewayId } from "@/lib/payments/settings/store";
import { CHECKBOXES } from "@/lib/payments/settings/update";

export type SettingsFormRead = { ok: true; input: Record<string, string> } | { ok: false; errors: FieldErrors };

/** The named text fields of a settings form; refuses anything not a FormData or missing a field. */
export function readSettingsForm(gateway: GatewayId, form: unknown, fields: readonly string[]): SettingsFormRead {
  if (!(form instanceof FormData)) return { ok: false, errors: {} };
  const input: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const key of fields) {
    const value = form.get(key);
    if (typeof value === "string") input[key] = value;
    else if (!CHECKBOXES[gateway].includes(key)) errors[key] = "errors.required";
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}
