import type { shopJa } from "@/lib/i18n/parts/shop.ja";
import type { Shape } from "@/lib/i18n/parts/shape";

export const shopEn: Shape<typeof shopJa> = {
  confirm: {
    title: "Please review your order",
    intro: "Check the following before you press “Place order”.",
    items: "Items and quantities",
    quantity: "Qty {count}",
    totals: "Amount to pay",
    paymentMethod: "Payment method",
    noMethod: "(not chosen)",
    paymentTiming: "When you are charged",
    delivery: "Delivery",
    deliveryChosen: "Requested delivery",
    returns: "Returns and cancellation",
    missingTerm: "Please see our legal notice.",
    legalLink: "Legal notice (Specified Commercial Transactions Act), full text",
  },
};
