// Plain Node, no bundler: every entry imports, ./server also requires, the React wrapper renders.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const report = {};
for (const entry of ['xpay-checkout', 'xpay-checkout/define', 'xpay-checkout/server', 'xpay-checkout/react']) {
  report[entry] = Object.keys(await import(entry)).sort();
}
report.require = Object.keys(require('xpay-checkout/server')).sort();

const { createElement } = await import('react');
const { renderToString } = await import('react-dom/server');
const { XPayCheckout } = await import('xpay-checkout/react');
report.html = renderToString(createElement(XPayCheckout, { clientSecret: 'cs_test_secret', apiBase: 'https://api.example' }));

const pkg = require('xpay-checkout/package.json');
report.jsdelivr = pkg.jsdelivr;
report.cdnResolved = import.meta.resolve('xpay-checkout/cdn/xpay.js');
report.sri = JSON.parse(readFileSync(require.resolve('xpay-checkout/cdn/xpay.sri.json'), 'utf8'));
report.reactFirstLine = readFileSync(new URL(import.meta.resolve('xpay-checkout/react')), 'utf8').split('\n', 1)[0];
console.log(JSON.stringify(report));
