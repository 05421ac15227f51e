/**
 * A small React SPA using `xpay-checkout/react`, under StrictMode (effects run twice in
 * development) and with client-side navigation between the cart and the checkout: leaving and
 * coming back must neither leak nor double-mount the widget or its card frame.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { XPayCheckout } from 'xpay-checkout/react';
import { readCart, startCheckout, type CheckoutStart } from './cart.js';
import { BACK_TO_SHOP, EMPTY_CART_MESSAGE } from './empty-cart.js';
import { attachEventLog } from './event-log.js';
import { readProducts } from './products.js';

type Route = '/spa' | '/spa/checkout';

function useRoute(): [Route, (to: Route) => void] {
  const [route, setRoute] = useState<Route>(location.pathname === '/spa/checkout' ? '/spa/checkout' : '/spa');
  useEffect(() => {
    const onPop = () => setRoute(location.pathname === '/spa/checkout' ? '/spa/checkout' : '/spa');
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: Route) => {
    history.pushState(null, '', to);
    setRoute(to);
  };
  return [route, navigate];
}

function Cart({ onCheckout }: { onCheckout: () => void }) {
  const products = readProducts();
  const cart = readCart();
  return (
    <section aria-labelledby="spa-cart">
      <h2 id="spa-cart">Cart</h2>
      {cart.length === 0 ? (
        <p>Your cart is empty — add something in the shop first.</p>
      ) : (
        <ul>
          {cart.map((line) => {
            const product = products.find((p) => p.sku === line.sku);
            return <li key={line.sku}>{`${line.quantity} × ${product?.name ?? line.sku}`}</li>;
          })}
        </ul>
      )}
      <button type="button" onClick={onCheckout} disabled={cart.length === 0}>
        Go to checkout
      </button>
    </section>
  );
}

function Checkout({ onBack }: { onBack: () => void }) {
  // Read once per visit: an empty cart (this route can be opened directly) gets no session and no widget.
  const [cartIsEmpty] = useState(() => readCart().length === 0);
  const [start, setStart] = useState<CheckoutStart | null>(null);
  const [outcome, setOutcome] = useState('');
  useEffect(() => {
    if (cartIsEmpty) return;
    let live = true;
    // One session per visit to the checkout route; StrictMode's double effect reuses the first.
    const key = 'xpay-demo-spa-session';
    const cached = sessionStorage.getItem(key);
    const promise = cached ? Promise.resolve(JSON.parse(cached) as CheckoutStart) : startCheckout(readCart());
    promise.then((s) => {
      sessionStorage.setItem(key, JSON.stringify(s));
      if (live) setStart(s);
    }, (e: Error) => live && setOutcome(e.message));
    return () => {
      live = false;
    };
  }, [cartIsEmpty]);
  if (cartIsEmpty) {
    return (
      <section aria-labelledby="spa-checkout">
        <h2 id="spa-checkout">Checkout</h2>
        <p role="status">{EMPTY_CART_MESSAGE}</p>
        <p>
          <a href={BACK_TO_SHOP.href}>{BACK_TO_SHOP.text}</a>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="spa-checkout">
      <h2 id="spa-checkout">Checkout</h2>
      <button type="button" onClick={onBack}>
        Back to cart
      </button>
      {start && (
        <XPayCheckout
          clientSecret={start.clientSecret}
          apiBase={start.apiBase}
          summary="total"
          onSucceeded={() => {
            sessionStorage.removeItem('xpay-demo-spa-session');
            setOutcome(`Paid — order ${start.orderId}`);
          }}
        />
      )}
      <p role="status">{outcome}</p>
      {start && outcome.startsWith('Paid') && <a href={`/orders/${start.orderId}`}>View your order</a>}
    </section>
  );
}

function App() {
  const [route, navigate] = useRoute();
  return route === '/spa/checkout' ? <Checkout onBack={() => navigate('/spa')} /> : <Cart onCheckout={() => navigate('/spa/checkout')} />;
}

const log = document.getElementById('event-log') as HTMLOListElement | null;
if (log) attachEventLog(log);
createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
