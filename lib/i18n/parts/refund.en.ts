// UI strings of refunds (English). Same keys as refund.ja.ts.
export const refundEn = {
  amountLabel: "Refund amount (yen)",
  reasonLabel: "Reason for the refund (required)",
  hint: "Refunds part of the captured amount (amount change). Refunding all that remains cancels the transaction (void).",
  amountRange: "Enter a whole number of yen from 1 to {remaining}.",
  reasonRequired: "Enter the reason for the refund.",
  reasonTooLong: "The reason can be at most {limit} characters.",
  refunded: "Refunded {amount} yen.",
  refundedAll: "Refunded the remaining {amount} yen and cancelled the transaction.",
  listTitle: "Refunds",
  refundedTotal: "Refunded",
  remaining: "Total after refunds",
  entry: "{amount} yen — {reason}",
  by: "{date} {author}",
  voidReason: "Void (the whole sale refunded)",
  notePart: "Refunded {amount} yen (amount change {before} → {after} yen).\nReason: {reason}\n{line}",
  noteRest: "Refunded the remaining {amount} yen (void). The order is refunded.\nReason: {reason}\n{line}",
};
