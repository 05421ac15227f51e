// A merchant's React component, type-checked against the installed tarball.
import { XPayCheckout } from 'xpay-checkout/react';

export function Pay({ clientSecret }: { clientSecret: string }) {
  return (
    <XPayCheckout
      clientSecret={clientSecret}
      apiBase="https://api.example"
      summary="total"
      fields={['email']}
      onSucceeded={(e) => console.log(e.detail.paymentIntent.id)}
      onStatusChange={(e) => console.log(e.detail.status)}
    />
  );
}
