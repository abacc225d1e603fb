import "server-only";
// オンライン収納代行 as a checkout payment method.
import { appCvsDeps } from "@/lib/payments/cvs/app-deps";
import { cvsFeeAmount, cvsFeeLines } from "@/lib/payments/cvs/fee";
import { registerCvsPayment } from "@/lib/payments/cvs/register";
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
    const reasons = cvsMissing(await gatewaySettings("cvs"));
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
  // Nothing to enter: the shopper chooses the store on e-SCOTT's payment page.
  async parseInput() {
    return { ok: true, value: {} };
  },
  async pay(order, _input, ctx) {
    return registerCvsPayment(await appCvsDeps(), order, ctx.locale);
  },
};

registerGateway(cvsGateway);
