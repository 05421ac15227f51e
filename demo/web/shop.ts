import { addToCart, readCart } from './cart.js';
import { readProducts } from './products.js';

/** The shop front: add to cart, show the cart, and offer each way of checking out. */
const products = readProducts();
const cartEl = document.getElementById('cart')!;

const CHECKOUTS = [
  { href: '/checkout/tag', label: 'Checkout — <xpay-checkout> tag (bundler, npm)' },
  { href: '/checkout/cdn', label: 'Checkout — CDN script tag + SRI' },
  { href: '/spa/checkout', label: 'Checkout — React SPA' },
  { href: '/checkout/own-button', label: "Checkout — shop's own pay button (hidePayButton)" },
];

function render(): void {
  const cart = readCart();
  cartEl.replaceChildren();
  if (cart.length === 0) {
    cartEl.textContent = 'Your cart is empty.';
    return;
  }
  const list = document.createElement('ul');
  let total = 0;
  for (const line of cart) {
    const product = products.find((p) => p.sku === line.sku);
    if (!product) continue;
    total += product.unitAmount * line.quantity;
    const item = document.createElement('li');
    item.textContent = `${line.quantity} × ${product.name} — ${product.price} each `;
    const minus = document.createElement('button');
    minus.type = 'button';
    minus.textContent = '−';
    minus.setAttribute('aria-label', `Remove one ${product.name}`);
    minus.addEventListener('click', () => {
      addToCart(line.sku, -1);
      render();
    });
    item.append(minus);
    list.append(item);
  }
  const totalEl = document.createElement('p');
  totalEl.className = 'total';
  totalEl.textContent = `Total: ${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(total / 100)}`;

  const manualLabel = document.createElement('label');
  const manual = document.createElement('input');
  manual.type = 'checkbox';
  manual.id = 'manual-capture';
  manualLabel.append(manual, ' Authorise only (manual capture from the order page)');

  const nav = document.createElement('ul');
  nav.className = 'checkouts';
  for (const c of CHECKOUTS) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = c.href;
    a.textContent = c.label;
    a.addEventListener('click', () => {
      if (manual.checked) a.href = `${c.href}?capture=manual`;
    });
    li.append(a);
    nav.append(li);
  }
  nav.append(hostedCheckout(cart, manual));
  cartEl.append(list, totalEl, manualLabel, nav);
}

/**
 * The hosted page needs no script on the shop's side: the cart goes to the shop's server in a plain
 * form post, and the server answers with a redirect to XPay's hosted checkout.
 */
function hostedCheckout(cart: readonly { sku: string; quantity: number }[], manual: HTMLInputElement): HTMLLIElement {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = '/checkout/hosted';
  form.className = 'inline-form';
  const cartField = Object.assign(document.createElement('input'), { type: 'hidden', name: 'cart', value: JSON.stringify(cart) });
  const capture = Object.assign(document.createElement('input'), { type: 'hidden', name: 'captureMethod', value: 'automatic' });
  const submit = Object.assign(document.createElement('button'), { type: 'submit', textContent: 'Checkout — XPay hosted page (redirect)' });
  form.addEventListener('submit', () => {
    capture.value = manual.checked ? 'manual' : 'automatic';
  });
  form.append(cartField, capture, submit);
  const li = document.createElement('li');
  li.append(form);
  return li;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-add]')) {
  button.addEventListener('click', () => {
    addToCart(button.dataset.add!);
    render();
  });
}
render();
