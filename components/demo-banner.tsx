// Shown on every page while payments go to the local e-SCOTT emulator (ESCOTT_TARGET=emulator),
// so nobody mistakes the sandbox for a shop that takes real money. Part of the page, not news:
// no live region.
export function DemoBanner({ text }: { text: string }) {
  return (
    <div role="note" data-testid="demo-banner" className="border-b border-amber-300 bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-900">
      {text}
    </div>
  );
}
