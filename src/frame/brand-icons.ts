import type { CardBrand } from '../card/brands.js';

/**
 * Small brand marks (32×20): recognisable colour-and-lettering badges, not the brands' registered
 * artwork. Kept as SVG markup inside the bundle (no extra requests; nothing here is script or a
 * `style` attribute, so the frame's CSP is satisfied) because markup compresses far better than the
 * equivalent DOM-building code.
 */
const CARD = '<rect x=".5" y=".5" width="31" height="19" rx="3" fill="#fff" stroke="#d5dae3"/>';
const TEXT = '<text text-anchor="middle" font-family="Arial,sans-serif" font-weight="700" ';

const ICONS: Record<CardBrand, string> = {
  visa: `${CARD}${TEXT}x="16" y="13.4" font-size="9" font-style="italic" fill="#1a1f71">VISA</text>`,
  mastercard:
    '<rect width="32" height="20" rx="3" fill="#1f1f1f"/><circle cx="12.5" cy="10" r="6" fill="#eb001b"/><circle cx="19.5" cy="10" r="6" fill="#f79e1b" fill-opacity=".9"/>',
  amex: `<rect width="32" height="20" rx="3" fill="#1f72cd"/>${TEXT}x="16" y="12.9" font-size="8" fill="#fff">AMEX</text>`,
  discover: `${CARD}${TEXT}x="15" y="12" font-size="5.4" fill="#231f20">DISCOVER</text><rect x="1" y="15.5" width="30" height="3" rx="1.5" fill="#f48120"/>`,
  diners: `${CARD}<circle cx="16" cy="10" r="6.5" fill="#0079be"/><path d="M14 5.6a4.6 4.6 0 0 0 0 8.8zM18 5.6v8.8a4.6 4.6 0 0 0 0-8.8z" fill="#fff"/>`,
  jcb: `${CARD}<rect x="4" y="3" width="7.5" height="14" rx="2" fill="#0e4c96"/><rect x="12.25" y="3" width="7.5" height="14" rx="2" fill="#e21836"/><rect x="20.5" y="3" width="7.5" height="14" rx="2" fill="#00a651"/>${TEXT}y="12.5" font-size="7" fill="#fff"><tspan x="7.75">J</tspan><tspan x="16">C</tspan><tspan x="24.25">B</tspan></text>`,
  unionpay: `${CARD}<path d="M6 3h7l-3 14H3z" fill="#e21836"/><path d="M13 3h7l-3 14h-7z" fill="#00447c"/><path d="M20 3h8l-3 14h-8z" fill="#007b84"/>`,
  unknown:
    '<rect x=".5" y=".5" width="31" height="19" rx="3" fill="#f3f5f9" stroke="#c4cad6"/><rect x="1" y="4.5" width="30" height="3" fill="#c4cad6"/><rect x="4" y="12" width="10" height="2.5" rx="1" fill="#c4cad6"/>',
};

/** The `<svg>` markup for a brand, decorative (the brand's name is announced with the field). */
export function brandIconMarkup(brand: CardBrand): string {
  return `<svg viewBox="0 0 32 20" aria-hidden="true" focusable="false">${ICONS[brand]}</svg>`;
}
