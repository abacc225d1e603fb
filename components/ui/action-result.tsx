// What a server action answered, shown by its form: nothing until there is a message, then the
// message as a success (role="status") or an error (role="alert"). The caller words it (it
// knows the dictionary and the values to fill in); `state` is the action's {ok, message} state.
import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";

export interface ActionState {
  ok: boolean;
  message?: string;
}

export function ActionResult({
  state,
  variant = "text",
  children,
}: {
  state: ActionState;
  /** "text": a line under a small form; "box": a banner at the top of a long one. */
  variant?: "box" | "text";
  children: ReactNode;
}) {
  if (!state.message) return null;
  return (
    <Notice variant={variant} tone={state.ok ? "success" : "error"} className="text-sm">
      {children}
    </Notice>
  );
}
