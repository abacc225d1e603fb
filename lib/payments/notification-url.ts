// Where e-SCOTT posts 入金結果通知 (app/api/escott/notification/route.ts): the address both settings pages
// show the merchant, to enter in e-SCOTT's merchant console.

const NOTIFICATION_PATH = "/api/escott/notification";

/** The notification address on this shop's SITE_URL. */
export function notificationUrl(siteUrl: string): string {
  return new URL(NOTIFICATION_PATH, siteUrl).href;
}
