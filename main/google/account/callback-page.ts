const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The small page the browser shows after the OAuth redirect: where to go next, in plain words. */
export function callbackPage(ok: boolean, message: string): string {
  const title = ok ? 'Connected to Interview Desk' : 'Sign-in not completed';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;background:#f6f7fb;color:#1d2433;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border:1px solid #d9dde6;border-radius:12px;padding:32px 40px;max-width:440px;text-align:center}
h1{font-size:1.4rem;color:${ok ? '#1e7b34' : '#b3261e'}}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
