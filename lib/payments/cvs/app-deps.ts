import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deliverInBackground, deliverMails } from "@/lib/mail/outbox";
import type { CvsDeps } from "@/lib/payments/cvs/deps";
import { cvsClient, gatewaySettings } from "@/lib/payments/escott-client";
import { appSecretBox } from "@/lib/security/app-box";

/** The deps of the running shop: settings from the database, the e-SCOTT client they configure. */
export async function appCvsDeps(options: { awaitMail?: boolean } = {}): Promise<CvsDeps> {
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
