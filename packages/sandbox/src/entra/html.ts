/** Tiny HTML helpers for the sign-in and device pages (no scripts, escaped text only). */

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:15px system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.3rem}button{display:block;width:100%;text-align:left;margin:.4rem 0;padding:.6rem .8rem;
border:1px solid #8a8886;border-radius:4px;background:#fff;font:inherit;cursor:pointer}button:hover{background:#f3f2f1}
small{color:#605e5c}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}.err{color:#a4262c}</style>
</head><body><p><small>boxafe-connect sandbox · Contoso (not a real Microsoft sign-in)</small></p>${body}</body></html>`;
}

export function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join("");
}

export function userButtons(
  users: { userPrincipalName: string; displayName: string; role: string }[],
): string {
  return users
    .map(
      (u) =>
        `<button type="submit" name="upn" value="${esc(u.userPrincipalName)}"><b>${esc(u.displayName)}</b><br><small>${esc(u.userPrincipalName)} · ${esc(u.role)}</small></button>`,
    )
    .join("");
}
