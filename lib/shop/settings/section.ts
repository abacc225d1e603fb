// What a shop-settings section is: a row key and the zod schema its JSON is read and written
// with. Kept apart from the store (lib/shop/settings/store.ts, server only) because the admin
// forms import the sections' constants and types into the browser.
import type { z } from "zod";

export interface ShopSettingsSection<S extends z.ZodType> {
  /** Row key, e.g. "shipping". */
  name: string;
  /** Parses a stored (or empty) object into the section's settings, filling defaults. */
  schema: S;
}

export function defineSection<S extends z.ZodType>(name: string, schema: S): ShopSettingsSection<S> {
  return { name, schema };
}
