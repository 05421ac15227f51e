/**
 * The Content-Security-Policy of a merchant page that embeds the widget, as strict as it gets: no
 * 'unsafe-inline', no eval; scripts, styles, images and requests to the page's own origin; frames
 * from the XPay API origin only. No `connect-src` for the API: the card frame makes every session
 * call on its own origin (issue #9), so the page never talks to the API. The demo shop sends it on
 * every page, and the load bench's host page sends the same one, so both prove the widget needs
 * nothing looser.
 */
export function strictPageCsp(apiOrigin: string, options: { formAction?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `frame-src ${apiOrigin}`,
    "connect-src 'self'",
    "base-uri 'none'",
    // A form that posts to the shop and is answered with a redirect to XPay's hosted page.
    ...(options.formAction ? [`form-action 'self' ${apiOrigin}`] : []),
    "frame-ancestors 'none'",
  ].join('; ');
}
