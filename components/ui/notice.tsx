// Inline messages. "box" is a bordered alert (saved / failed / needs attention); "text" is the
// one-line result under a form. Errors and warnings are announced at once (role="alert"),
// success and information politely (role="status"); pass `role` to override, `role={null}`
// for a message that is part of the page rather than news.
import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export type NoticeTone = "info" | "success" | "warning" | "error";

const BOX: Record<NoticeTone, string> = {
  info: "border-stone-300 bg-stone-100 text-stone-700",
  success: "border-brand-600 bg-brand-50 text-brand-800",
  warning: "border-amber-500 bg-amber-50 text-amber-900",
  error: "border-accent-600 bg-red-50 text-accent-600",
};

const TEXT: Record<NoticeTone, string> = {
  info: "text-stone-700",
  success: "text-brand-700",
  warning: "text-amber-900",
  error: "text-accent-600",
};

export function noticeRole(tone: NoticeTone): "alert" | "status" {
  return tone === "error" || tone === "warning" ? "alert" : "status";
}

export function Notice({
  tone = "info",
  variant = "box",
  as: Tag = "p",
  role,
  className = "",
  children,
  ...rest
}: Omit<React.HTMLAttributes<HTMLElement>, "role"> & {
  tone?: NoticeTone;
  variant?: "box" | "text";
  as?: "p" | "div";
  role?: React.AriaRole | null;
  children: ReactNode;
  "data-testid"?: string;
}) {
  const look = variant === "box" ? cx("rounded-md border p-3", BOX[tone]) : TEXT[tone];
  return (
    <Tag role={role === null ? undefined : (role ?? noticeRole(tone))} className={cx(look, className)} {...rest}>
      {children}
    </Tag>
  );
}
