// What a gateway shows, as data: the shopper's order page and the admin order page render these
// with the same components (components/payments/) whatever the gateway, so a new gateway needs no
// page or component of its own. Texts are already localized; testIds keep the e2e selectors stable.
import type { MessageRef } from "@/lib/i18n";

export type Tone = "info" | "success" | "warning" | "error" | "neutral";

export interface Fact {
  label: string;
  value: string;
  testId?: string;
  /** Shown as a status pill in this tone. */
  pill?: Tone;
  /** The value links here (e.g. the payment page). */
  href?: string;
  /** Small print under the value. */
  hint?: string;
  /** Codes and numbers: monospace. */
  mono?: boolean;
}

export interface Alert {
  tone: Tone;
  text: string;
  testId?: string;
}

export interface FactGroup {
  title: string;
  facts: Fact[];
  tone?: Tone;
  testId?: string;
}

/** The shopper's view of the payment (thank-you page, My Account order page). */
export interface OrderPaymentView {
  alerts: Alert[];
  /** A titled box of facts; absent when there is nothing to show beyond the alerts. */
  section?: { title: string; testId: string; facts: Fact[] };
  /** The payment went through: the page may report the conversion. */
  converted: boolean;
}

/** An input an operation asks for in its confirmation step. */
export type OperationField =
  | { name: "amount"; label: string; kind: "yen"; defaultValue?: number }
  | { name: "payLimitDate"; label: string; kind: "date"; defaultValue: string }
  | { name: "note"; label: string; kind: "text"; required: true; maxLength?: number }
  /** Sent back unchanged: what the page showed (e.g. the amount a refund is computed from). */
  | { name: "expectedAmount"; kind: "hidden"; value: number };

export interface OperationView {
  /** Sent back to the gateway's operate(). */
  id: string;
  label: string;
  /** The question of the confirmation step. */
  confirm: string;
  hint?: string;
  danger?: boolean;
  fields: OperationField[];
}

export interface HistoryView {
  title: string;
  /** e.g. "ログを保存 is off: only errors are kept". */
  note?: string;
  empty: string;
  columns: string[];
  rows: { id: string; cells: string[]; tone?: Tone }[];
  testId: string;
  rowTestId: string;
}

/** The admin order page's payment box. */
export interface AdminPaymentView {
  title: string;
  /** Prefix of the box's test ids: `${testIdPrefix}-operations`, `-operation-confirm`, `-operation-result`. */
  testIdPrefix: string;
  testId: string;
  alerts: Alert[];
  /** Shown instead of facts when the order has no payment of this gateway yet. */
  empty?: string;
  facts: Fact[];
  groups: FactGroup[];
  operations: { title: string; items: OperationView[]; empty: string; expectedState: string } | null;
  history: HistoryView | null;
  earlier?: { title: string; items: string[] };
}

export interface OperationRequest {
  operation: string;
  /** The payment state the admin was looking at: a stale page is refused. */
  expectedState: string;
  /** The confirmation step's inputs (amount, note, payLimitDate), as typed. */
  fields: Partial<Record<OperationField["name"], string>>;
}

/** `message` is a dictionary key (errorText) with its `values`; `facts` are extra details (e.g. what 照会 found). */
export interface OperationOutcome {
  ok: boolean;
  message: MessageRef;
  values?: Record<string, string | number>;
  facts?: Fact[];
}
