"use client";
// A form of one box (a one-time code, a recovery code, a password) sent to a server action that
// refuses with one message: the value, the message translated for the box, the pending state and
// the submit handler. `send` gets the value (and clear(), to empty the box) and answers the
// message to show, or nothing when the action succeeded.
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n-provider";
import { errorText, type MessageRef } from "@/lib/i18n";

export function useOneFieldAction(send: (value: string, clear: () => void) => Promise<MessageRef | undefined>) {
  const { dict } = useI18n();
  const [value, setValue] = useState("");
  const [error, setError] = useState<MessageRef | undefined>();
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(undefined);
    startTransition(async () => {
      const message = await send(value, () => setValue(""));
      if (message) setError(message);
    });
  };
  return { value, setValue, message: errorText(dict, error) || undefined, pending, submit };
}
