// A gateway's facts (lib/payments/views.ts) as a description list: plain values, status pills,
// links with small print.
import { DescriptionList } from "@/components/ui/description-list";
import type { NoticeTone } from "@/components/ui/notice";
import { Pill } from "@/components/ui/pill";
import type { Fact, Tone } from "@/lib/payments/views";

const PILL: Record<Tone, string> = {
  info: "bg-sky-100 text-sky-900",
  success: "bg-emerald-100 text-emerald-900",
  warning: "bg-amber-100 text-amber-900",
  error: "bg-red-100 text-red-800",
  neutral: "bg-stone-200 text-stone-700",
};

export function noticeTone(tone: Tone): NoticeTone {
  return tone === "neutral" ? "info" : tone;
}

function FactValue({ fact }: { fact: Fact }) {
  const value = fact.pill ? (
    <Pill className={`font-semibold ${PILL[fact.pill]}`} data-testid={fact.testId}>
      {fact.value}
    </Pill>
  ) : fact.href ? (
    <a href={fact.href} className="font-semibold text-brand-700 underline" target={fact.href.startsWith("/") ? undefined : "_blank"} rel="noreferrer" data-testid={fact.testId}>
      {fact.value}
    </a>
  ) : (
    <span className={fact.mono ? "font-mono" : undefined} data-testid={fact.testId}>
      {fact.value}
    </span>
  );
  return (
    <>
      {value}
      {fact.hint && <span className="mt-1 block text-xs text-stone-500">{fact.hint}</span>}
    </>
  );
}

export function Facts({ facts, layout = "inline", ...rest }: { facts: Fact[]; layout?: "inline" | "columns"; "data-testid"?: string }) {
  return (
    <DescriptionList
      layout={layout}
      columns={3}
      className={layout === "inline" ? "gap-y-1" : undefined}
      items={facts.map((fact) => ({ key: fact.label, label: fact.label, value: <FactValue fact={fact} />, className: "break-all" }))}
      {...rest}
    />
  );
}
