/** Product facts for the browser, read from the page's inert JSON block (no inline script runs). */
export interface ProductView {
  sku: string;
  name: string;
  unitAmount: number;
  price: string;
}

export function readProducts(): ProductView[] {
  const block = document.getElementById('products');
  return block ? (JSON.parse(block.textContent ?? '[]') as ProductView[]) : [];
}
