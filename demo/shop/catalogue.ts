/** The demo shop's products. Prices are integers in the currency's minor unit, as on the wire. */
export interface Product {
  sku: string;
  name: string;
  unitAmount: number;
  description: string;
}

export const CURRENCY = 'usd';

export const PRODUCTS: readonly Product[] = [
  { sku: 'tee', name: 'Sandbox T-shirt', unitAmount: 2500, description: 'Organic cotton, one size fits most.' },
  { sku: 'mug', name: 'Idempotent mug', unitAmount: 1200, description: 'Pour twice, fill once.' },
  { sku: 'stickers', name: 'Sticker pack', unitAmount: 400, description: 'Five vinyl stickers.' },
];

export interface CartLine {
  sku: string;
  quantity: number;
}

/** True when the cart holds at least one line the shop sells, in a quantity it accepts. */
export function hasPayableLines(cart: readonly CartLine[]): boolean {
  try {
    cartToLineItems(cart);
    return true;
  } catch {
    return false;
  }
}

/** Turns a cart from the browser into line items, trusting only SKUs and quantities (never prices). */
export function cartToLineItems(cart: readonly CartLine[]) {
  const items = cart
    .map((line) => {
      const product = PRODUCTS.find((p) => p.sku === line.sku);
      const quantity = Math.trunc(Number(line.quantity));
      if (!product || !Number.isFinite(quantity) || quantity < 1 || quantity > 99) return undefined;
      return { name: product.name, unitAmount: product.unitAmount, quantity };
    })
    .filter((item) => item !== undefined);
  if (items.length === 0) throw new RangeError('The cart is empty or holds unknown products.');
  return items;
}
