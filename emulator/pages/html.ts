// Minimal HTML helpers: every page works without JavaScript (auto-submits fall back to a button).

export function esc(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
header{background:#1f3a68;color:#fff;padding:.8rem 1.2rem}header h1{font-size:1.1rem;margin:0}
header small{opacity:.8}main{padding:1rem 1.2rem;max-width:1200px}
section{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:1rem;margin-bottom:1rem}
h2{font-size:1rem;margin:.2rem 0 .8rem}table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border:1px solid #e1e4ea;padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f0f2f6}
code{font-size:.85em}button{cursor:pointer;padding:.35rem .8rem;margin:.15rem}
.ok{color:#0a7a2f;font-weight:600}.ng{color:#b3261e;font-weight:600}.muted{color:#687082}
.big{font-size:1.3rem;font-weight:700}.choices label{display:block;padding:.25rem 0}
form.inline{display:inline}.notice{background:#fff7d6;border:1px solid #e9d48a;padding:.6rem;border-radius:4px}
`;

export function page(title: string, body: string, subtitle = "e-SCOTT Smart emulator — not a real payment service"): string {
  return `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(title)}</h1><small>${esc(subtitle)}</small></header><main>
${body}
</main></body></html>`;
}

/** A page that POSTs `fields` to `action` at once (and offers a button when scripts are off). */
export function autoPostPage(title: string, action: string, fields: Record<string, string>, message: string): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`)
    .join("\n");
  return page(
    title,
    `<section><p>${esc(message)}</p>
<form id="autopost" method="post" action="${esc(action)}">
${inputs}
<noscript><p>JavaScript が無効です。ボタンを押して続行してください / Press the button to continue.</p></noscript>
<button type="submit">続行 / Continue</button>
</form></section>
<script>document.getElementById("autopost").submit();</script>`,
  );
}
