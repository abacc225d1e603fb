import "server-only";
// The card gateway's context (lib/payments/context.ts) in the running shop.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deliverInBackground } from "@/lib/mail/outbox";
import type { ConnectedContext } from "@/lib/payments/context";
import { cardClient, gatewaySettings } from "@/lib/payments/escott-client";
import type { CardSettings } from "@/lib/payments/settings/card";
import { appSecretBox } from "@/lib/security/app-box";

export type CardContext = ConnectedContext<CardSettings>;

/** Path of the route handler e-SCOTT's 3-D Secure page posts back to (app/api/escott/3ds). */
export const THREE_DS_RETURN_PATH = "/api/escott/3ds";

export function threeDSReturnUrl(siteUrl: string): string {
  return new URL(THREE_DS_RETURN_PATH, siteUrl).href;
}

/** The card context, or null when the settings lack what e-SCOTT needs. */
export async function loadCardContext(): Promise<CardContext | null> {
  const settings = await gatewaySettings("card");
  const client = cardClient(settings);
  if (!client) return null;
  const database = db();
  return { db: database, settings, client, box: appSecretBox(), siteUrl: env().SITE_URL, now: () => new Date(), deliver: (ids) => deliverInBackground(database, ids) };
}
