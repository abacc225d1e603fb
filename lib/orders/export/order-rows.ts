// The columns of the order CSV: one row per order, or one per line item (the order's columns
// repeated, then the item's). Pure: the labels that need the gateway registry come in as functions.
import { prefectureName } from "@/lib/address/prefectures";
import type { Order, OrderItem, Payment } from "@/lib/generated/prisma/client";
import type { Dictionary, Locale } from "@/lib/i18n";
import { formatPayLimit } from "@/lib/payments/cvs/status";
import { formatDateTime } from "@/lib/shop/dates";
import { deliverySlotLabel } from "@/lib/shop/delivery-format";
import type { CsvValue } from "@/lib/orders/export/csv";
import { refundedAmount, remainingAmount, type RefundLike } from "@/lib/orders/refunds";

export const EXPORT_MODES = ["orders", "items"] as const;
export type ExportMode = (typeof EXPORT_MODES)[number];

export type ExportPayment = Pick<Payment, "gateway" | "state" | "payLimit" | "transactionCode">;
export type ExportOrder = Order & { items: OrderItem[]; payments: ExportPayment[]; refunds: RefundLike[] };

export interface ExportLabels {
  dict: Dictionary;
  locale: Locale;
  /** The gateway's title (クレジットカード決済…) for Order.paymentMethod. */
  paymentMethod: (id: string | null) => string;
  /** The payment's state as the admin order list shows it. */
  paymentStatus: (payment: ExportPayment) => string;
}

type Headers = Dictionary["orderExport"]["headers"];
const ORDER_COLUMNS = [
  "orderNumber", "orderDate", "status", "email", "customerType",
  "billingName", "billingKana", "billingPostalCode", "billingAddress", "billingPhone",
  "shippingName", "shippingKana", "shippingPostalCode", "shippingAddress", "shippingPhone",
  "subtotal", "shippingFee", "feeTotal", "total", "tax10", "tax8", "refunded", "remaining",
  "paymentMethod", "paymentStatus", "transactionCode", "payLimit", "deliveryDate", "deliverySlot",
] as const satisfies readonly (keyof Headers)[];
const ITEM_COLUMNS = ["itemName", "itemSlug", "unitPrice", "taxRate", "quantity", "lineTotal"] as const satisfies readonly (keyof Headers)[];

export function exportHeader(mode: ExportMode, dict: Dictionary): string[] {
  const h = dict.orderExport.headers;
  return [...ORDER_COLUMNS, ...(mode === "items" ? ITEM_COLUMNS : [])].map((c) => h[c]);
}

const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p && p.trim()).join(" ");
/** A Japanese address as it is written on a label: 都道府県市区町村番地, then the building after a space. */
const address = (prefecture: string | null, city: string | null, line1: string | null, line2: string | null) =>
  join(`${prefecture ? prefectureName(prefecture, "ja") : ""}${city ?? ""}${line1 ?? ""}`, line2);

/** Where the parcel goes: the shipping address when the shopper gave one, else the billing address. */
function shipTo(o: Order) {
  if (!o.shipToDifferentAddress) {
    return { name: join(o.billingLastName, o.billingFirstName), kana: join(o.billingLastNameKana, o.billingFirstNameKana), postal: o.billingPostalCode, address: address(o.billingPrefecture, o.billingCity, o.billingAddress1, o.billingAddress2), phone: o.billingPhone };
  }
  return { name: join(o.shippingLastName, o.shippingFirstName), kana: join(o.shippingLastNameKana, o.shippingFirstNameKana), postal: o.shippingPostalCode ?? "", address: address(o.shippingPrefecture, o.shippingCity, o.shippingAddress1, o.shippingAddress2), phone: o.shippingPhone ?? "" };
}

export function orderCells(o: ExportOrder, labels: ExportLabels): CsvValue[] {
  const t = labels.dict.orderExport;
  const status = labels.dict.status[o.status as keyof Dictionary["status"]] ?? o.status;
  // The latest attempt, as on the admin order list.
  const payment = o.payments[0];
  const ship = shipTo(o);
  return [
    o.id, formatDateTime(o.createdAt, "ja"), status, o.email, o.userId ? t.member : t.guest,
    join(o.billingLastName, o.billingFirstName), join(o.billingLastNameKana, o.billingFirstNameKana), o.billingPostalCode, address(o.billingPrefecture, o.billingCity, o.billingAddress1, o.billingAddress2), o.billingPhone,
    ship.name, ship.kana, ship.postal, ship.address, ship.phone,
    o.subtotal, o.shippingFee, o.feeTotal, o.total, o.tax10, o.tax8, refundedAmount(o), remainingAmount(o),
    labels.paymentMethod(o.paymentMethod), payment ? labels.paymentStatus(payment) : "", payment?.transactionCode ?? "", payment?.payLimit ? formatPayLimit(payment.payLimit) : "",
    // The Tokyo calendar date as stored (YYYY-MM-DD, which Excel reads as a date); empty = 指定なし.
    o.deliveryDate ?? "", o.deliverySlot ? deliverySlotLabel(labels.dict, o.deliverySlot) : "",
  ];
}

/** The rows of one order: one, or one per line item (an order without items still gets one row). */
export function orderRows(o: ExportOrder, mode: ExportMode, labels: ExportLabels): CsvValue[][] {
  const cells = orderCells(o, labels);
  if (mode === "orders" || o.items.length === 0) return [mode === "items" ? [...cells, ...ITEM_COLUMNS.map(() => "")] : cells];
  return o.items.map((i) => [...cells, i.name, i.slug, i.unitPrice, i.taxRate, i.quantity, i.lineTotal]);
}
