import "server-only";
// Everything a card operation needs, built per request from the stored settings: settings can
// change at any time in the admin, and a stale client would keep old credentials.
import type { Db } from "@/lib/db";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { EscottClient } from "@/lib/escott";
import { cardClient, gatewaySettings } from "@/lib/payments/escott-client";
import type { CardSettings } from "@/lib/payments/settings/card";
import { appSecretBox } from "@/lib/security/app-box";
import type { SecretBox } from "@/lib/security/secret-box";

export interface CardContext {
  db: Db;
  settings: CardSettings;
  client: EscottClient;
  box: SecretBox;
  siteUrl: string;
  now(): Date;
}

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
  return { db: db(), settings, client, box: appSecretBox(), siteUrl: env().SITE_URL, now: () => new Date() };
}
