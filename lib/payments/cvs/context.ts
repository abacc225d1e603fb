import "server-only";
// The online payment agency's context (lib/payments/context.ts) in the running shop.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deliverInBackground, deliverMails } from "@/lib/mail/outbox";
import type { GatewayContext } from "@/lib/payments/context";
import { cvsClient, gatewaySettings } from "@/lib/payments/escott-client";
import type { CvsSettings } from "@/lib/payments/settings/cvs";
import { appSecretBox } from "@/lib/security/app-box";

export type CvsContext = GatewayContext<CvsSettings>;

/** Settings from the database, the e-SCOTT client they configure (null without credentials). */
export async function loadCvsContext(options: { awaitMail?: boolean } = {}): Promise<CvsContext> {
  const settings = await gatewaySettings("cvs");
  const database = db();
  return {
    db: database,
    settings,
    client: cvsClient(settings),
    box: appSecretBox(),
    siteUrl: env().SITE_URL,
    now: () => new Date(),
    // The web server answers first and sends afterwards; a job waits so nothing is cut off at exit.
    deliver: (ids) => (options.awaitMail ? deliverMails(database, ids) : deliverInBackground(database, ids)),
  };
}
