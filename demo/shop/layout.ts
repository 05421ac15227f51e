import { html } from 'hono/html';

/** The shop's page chrome. Every dynamic value goes through hono's escaping `html` template. */
export function layout(title: string, body: unknown, scripts: readonly string[] = [], head: unknown = '') {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · XPay demo shop</title>
    <link rel="stylesheet" href="/static/shop.css" />
    ${scripts.map((src) => html`<script type="module" src="${src}"></script>`)}
    ${head}
  </head>
  <body>
    <header class="top">
      <a class="brand" href="/">Sandbox Supplies</a>
      <nav aria-label="Shop"><a href="/">Shop</a> <a href="/orders">Orders</a></nav>
    </header>
    <main>${body}</main>
  </body>
</html>`;
}
