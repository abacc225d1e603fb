import { formatYen, type Dictionary } from "@/lib/i18n";

export function Price({ amount, dict, className = "" }: { amount: number; dict: Dictionary; className?: string }) {
  return (
    <span className={className}>
      <span className="font-semibold">{formatYen(dict, amount)}</span>
      <span className="text-xs text-stone-500">{dict.common.taxIncluded}</span>
    </span>
  );
}
