"use client";
// The checkout's current totals, shared by the form (final confirmation, payment fields) and the
// order summary beside it. They come from the server: first with the page, then from
// quoteCheckoutAction whenever the destination changes.
import { createContext, useCallback, useContext, useMemo, useRef, useState } from "react";
import { quoteCheckoutAction } from "@/app/checkout/actions";
import { useI18n } from "@/components/i18n-provider";
import { TotalsTable } from "@/components/order/totals-table";
import type { LiveQuote } from "@/lib/checkout/live-quote";

interface QuoteState {
  quote: LiveQuote;
  updating: boolean;
  /** Asks the server for the totals to this destination (null: none yet). Later calls win. */
  refresh: (destination: { prefecture: string; postalCode: string } | null) => void;
}

const QuoteContext = createContext<QuoteState | null>(null);

export function QuoteProvider({ initial, children }: { initial: LiveQuote; children: React.ReactNode }) {
  const [quote, setQuote] = useState(initial);
  const [updating, setUpdating] = useState(false);
  const latest = useRef(0);
  const refresh = useCallback((destination: { prefecture: string; postalCode: string } | null) => {
    const request = ++latest.current;
    setUpdating(true);
    void quoteCheckoutAction(destination)
      .then((next) => {
        // A slower answer to an earlier destination must not overwrite a newer one.
        if (request === latest.current && next) setQuote(next);
      })
      .catch(() => {})
      .finally(() => {
        if (request === latest.current) setUpdating(false);
      });
  }, []);
  const value = useMemo(() => ({ quote, updating, refresh }), [quote, updating, refresh]);
  return <QuoteContext.Provider value={value}>{children}</QuoteContext.Provider>;
}

export function useQuote(): QuoteState {
  const state = useContext(QuoteContext);
  if (!state) throw new Error("useQuote needs a QuoteProvider");
  return state;
}

/** The order summary's totals (before a payment method's fees). */
export function SummaryTotals() {
  const { dict } = useI18n();
  const { quote } = useQuote();
  return <TotalsTable totals={quote.quotes.base} dict={dict} />;
}
