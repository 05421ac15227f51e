// A CommonJS Express server: require() of the ESM server entry (Node >= 20.19).
import server = require('xpay-checkout/server');

export const header: string = server.signWebhookPayload('{}', 'whsec_test', 1);
