// A merchant's webhook handler, type-checked against the installed tarball.
import { verifyWebhook, WebhookVerificationError, type XpayEvent } from 'xpay-checkout/server';

function markPaid(session: { id: string; amountTotal: number; lineItems: readonly { name: string }[] }): string {
  return `${session.id} ${session.amountTotal} ${session.lineItems.length}`;
}

export function handle(body: string, signature: string | undefined): string {
  let event: XpayEvent;
  try {
    event = verifyWebhook(body, signature, 'whsec_test');
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.code;
    throw error;
  }
  // Before narrowing, data.object is one of several objects: a session-only field is an error.
  // @ts-expect-error lineItems exists only on sessions
  void event.data.object.lineItems;
  if (event.type === 'checkout.session.completed') {
    const session = event.data.object;
    const status: 'open' | 'complete' | 'expired' = session.status;
    return markPaid(session) + status + (session.paymentIntent?.id ?? '');
  }
  if (event.type === 'charge.refunded') return String(event.data.object.amountRefunded);
  return event.type;
}
