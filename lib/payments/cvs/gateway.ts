import "server-only";
// オンライン収納代行: the online payment agency gateway as the shop sees it (lib/payments/registry.ts).
// Importing this module registers it.
import { loadCvsContext } from "@/lib/payments/cvs/context";
import { cvsFeeAmount, cvsFeeLines } from "@/lib/payments/cvs/fee";
import { CVS_PAYMENT_START, registerCvsPayment } from "@/lib/payments/cvs/checkout";
import { cvsAdminView } from "@/lib/payments/cvs/admin-view";
import { notificationEndpoint } from "@/lib/payments/cvs/notification";
import { cvsStatusChangeBlock, runCvsOperation } from "@/lib/payments/cvs/operations";
import { runExpiryCheck } from "@/lib/payments/cvs/scheduler";
import { unpaidCvsAllowed } from "@/lib/payments/cvs/unpaid-cap";
import { cvsOrderView } from "@/lib/payments/cvs/order-view";
import { cvsDisplayStatus, cvsStatusLabel } from "@/lib/payments/cvs/status";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { liveModeReasons } from "@/lib/security/live-mode";
import { dictionaryFor } from "@/lib/i18n";
import { gatewaySettings } from "@/lib/payments/escott-client";
import { registerGateway, type PaymentGateway } from "@/lib/payments/registry";
import { cvsMissing } from "@/lib/payments/settings/cvs";

export const cvsGateway: PaymentGateway<Record<string, never>> = {
  id: "cvs",
  async title() {
    return (await gatewaySettings("cvs")).title;
  },
  async description() {
    return (await gatewaySettings("cvs")).description;
  },
  async availability() {
    const settings = await gatewaySettings("cvs");
    const reasons = [...cvsMissing(settings), ...liveModeReasons(settings, env().SITE_URL)];
    return reasons.length === 0 ? { available: true } : { available: false, reasons };
  },
  async clientData(ctx) {
    const settings = await gatewaySettings("cvs");
    const fee = cvsFeeAmount(settings, ctx.total);
    return { fee, total: ctx.total + fee, payLimitDays: settings.payLimitDays };
  },
  async fees(ctx) {
    return cvsFeeLines(await gatewaySettings("cvs"), ctx.total, ctx.locale);
  },
  async admit(ctx) {
    if (!ctx.client) return null;
    const settings = await gatewaySettings("cvs");
    return (await unpaidCvsAllowed(db(), settings, ctx.client)) ? null : dictionaryFor(ctx.locale).cvs.tooManyUnpaid;
  },
  // Nothing to enter: the shopper chooses the store on e-SCOTT's payment page.
  async parseInput() {
    return { ok: true, value: {} };
  },
  async startWith() {
    return (await loadCvsContext()).client ? CVS_PAYMENT_START : null;
  },
  async pay(order, _input, ctx, started) {
    return registerCvsPayment(await loadCvsContext(), order, ctx.locale, started);
  },
  async orderView(order, locale) {
    return cvsOrderView(db(), order, locale, new Date());
  },
  endpoints: {
    /** 入金結果通知: the URL the merchant registers with Sony Payment Services routes here. */
    notification: (request) => notificationEndpoint(request, () => loadCvsContext()),
  },
  async adminView(order, locale) {
    return cvsAdminView(db(), order, locale, new Date());
  },
  async operate(orderId, request, actor, locale) {
    return runCvsOperation(await loadCvsContext(), orderId, request, actor, locale);
  },
  statusLabel(payment, locale) {
    return cvsStatusLabel(dictionaryFor(locale), cvsDisplayStatus(payment));
  },
  statusChangeBlock(orderId, to) {
    return cvsStatusChangeBlock(db(), orderId, to);
  },
  async housekeeping({ awaitMail }) {
    const report = await runExpiryCheck({ onlyWhenEnabled: !awaitMail, awaitMail });
    return report ? { ...report } : null;
  },
};

registerGateway(cvsGateway);
