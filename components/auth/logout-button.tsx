// A plain form posting to a server action: no client JavaScript of its own, works before hydration.
import { logoutAction, logoutEverywhereAction } from "@/app/actions/logout";

export function LogoutButton({ label, className, everywhere = false, testId }: { label: string; className?: string; everywhere?: boolean; testId?: string }) {
  return (
    <form action={everywhere ? logoutEverywhereAction : logoutAction} className="contents">
      <button type="submit" className={className} data-testid={testId}>
        {label}
      </button>
    </form>
  );
}
