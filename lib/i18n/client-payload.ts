// What of the dictionary the client components get (components/i18n-provider.tsx). What a layout hands them
// travels in the HTML of every page below it, as a string in the inline RSC payload the browser parses: the
// whole dictionary was ≈66 KB (ja), ≈19 KB of home's ≈26 KB gzip. Most groups are read by the client components
// of a few routes only (the payment forms, the admin forms, the login forms), so each route's layout adds the
// groups its client components read and the root layout only what the shared helpers need.
// No "use client" and no server-only imports: server layouts call these, the provider uses the types.
import type { Dictionary } from "@/lib/i18n";

export type DictionaryGroup = keyof Dictionary;

/**
 * The groups the client components of each route read, by the route's folder under app/ ("" is every page:
 * the root layout). A page's client components get the groups of its folder and of every folder above it:
 * the layout of each folder named here adds its groups (`<DictionaryGroups groups={clientGroups(dict, folder)}>`).
 * client-payload.test.ts checks it against the code: every group a client component reads must be given on
 * every route it renders on, and each folder's layout must add its groups.
 * Groups no client component reads (nav, home, order, legal, orderExport, …) are in none: the server renders them.
 */
export const CLIENT_GROUPS = {
  // errorText() and formatYen() (lib/i18n/index.ts), which every form's messages go through.
  "": ["common", "errors"],
  // The add-to-cart form shows "product.added" and "cart.unavailable"; the cart's quantity controls, the same.
  products: ["product", "cart"],
  cart: ["cart", "product"],
  // The checkout form, its address, delivery, card and CVS fields, the final confirmation (shop's name,
  // the lines, the totals table: cart, and refund on a placed order's totals), the payment messages.
  // card and cvs are the shopper's texts only: the admin's (cardAdmin, cvsAdmin) were ≈70 % of them.
  checkout: ["checkout", "delivery", "shop", "product", "cart", "refund", "card", "cvs", "payment"],
  // The e-mail verification button; the change-password form.
  account: ["account", "auth"],
  // The saved-card forms (card fields, the agreement's "payment.agreement").
  "account/card": ["card", "payment"],
  // The receipt addressee form.
  "account/orders": ["receipts"],
  order: ["receipts"],
  login: ["account"],
  "login/2fa": ["twoFactor"],
  register: ["account"],
  "forgot-password": ["account", "auth"],
  "reset-password": ["account", "auth"],
  setup: ["account", "auth"],
  "verify-email": ["auth"],
  // The settings forms (payments, shipping, delivery, invoice), order status and notes, payment operations
  // (refund and card messages), saved-card deletion, second-factor enrolment.
  admin: ["admin", "status", "settings", "card", "cardAdmin", "cvs", "cvsAdmin", "payment", "refund", "shipping", "delivery", "receipts", "checkout", "twoFactor"],
} as const satisfies Record<string, readonly DictionaryGroup[]>;

export type GroupsFolder = keyof typeof CLIENT_GROUPS;
/** The groups a folder's layout adds. */
export type ClientGroups<F extends GroupsFolder> = Pick<Dictionary, (typeof CLIENT_GROUPS)[F][number]>;

export function clientGroups<F extends GroupsFolder>(dict: Dictionary, folder: F): ClientGroups<F> {
  return Object.fromEntries(CLIENT_GROUPS[folder].map((group) => [group, dict[group]])) as ClientGroups<F>;
}
