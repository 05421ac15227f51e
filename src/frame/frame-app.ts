import { postConfirm } from '../api/confirm.js';
import { onlyDigits } from '../card/caret.js';
import { expiryForApi } from '../card/validate.js';
import { createCardForm, type FormState } from './card-form.js';
import { toConfirmOutcome, type ConfirmOutcome } from './confirm-outcome.js';
import { createCvcHint } from './cvc-hint.js';
import { sessionIdOf } from '../api/paths.js';
import type { FrameParams } from './frame-params.js';
import { EN_STRINGS, toFrameStrings } from './frame-strings.js';
import { createFrameLocale } from './frame-locale.js';
import { AUTO_LOCALE, dirOf } from '../i18n/locale.js';
import { openHostChannel } from './host-channel.js';
import { createSessionReads } from './session-reads.js';
import { FRAME_PROTOCOL_VERSION, type HostMessage } from './protocol.js';
import { applyStyleTokens } from './style-tokens.js';
import { createTestCardPicker } from './test-cards.js';

type ConfirmMessage = Extract<HostMessage, { type: 'confirm' }>;

/**
 * Starts the card frame in `body`: the form, the channel to the host and the confirm call.
 *
 * What crosses to the host is decided here and only here: `ready`, `change` (codes, brand, flags),
 * `focus`/`blur` (field names), `submit`, `resize` (a height), `locale` (the language resolved, and
 * the host's strings in it) and `result` (the public session view or an error). Card digits and the CVC leave the frame only in the confirm request to its own origin.
 */
export function startFrame(params: FrameParams, body: HTMLElement): void {
  const root = document.documentElement;
  let strings = EN_STRINGS;
  /** The session of the first valid `init`: the frame's URL names none (one document serves every session). */
  let session: { id: string; clientSecret: string } | null = null;
  /** Set while a confirm is in flight; another confirm meanwhile is ignored (one charge per action). */
  let busy = false;
  let lastChange = '';
  let lastHeight = -1;
  /** The test-card picker, in a test-mode session (re-made in each language). */
  let picker: HTMLElement | undefined;

  // The form is laid out (the host sizes the frame by it) but not shown until the language is
  // applied: English labels about to be replaced would flash. Bounded: the language is applied at
  // most 8 s after the session arrives (frame-locale.ts), in English if its catalogue is late.
  root.toggleAttribute('data-lang-pending', true);
  const speak = createFrameLocale((match, catalogue) => {
    root.removeAttribute('data-lang-pending');
    strings = catalogue ? toFrameStrings(catalogue.frame) : EN_STRINGS;
    // Without its catalogue the frame speaks English, whatever was asked.
    const lang = catalogue ? match.locale : 'en';
    root.lang = lang;
    root.dir = dirOf(lang);
    form.setStrings(strings);
    hint.relabel();
    picker?.replaceWith((picker = createTestCardPicker(strings.testCards, fillTestCard, strings.testCardOutcomes)));
    channel.post({ type: 'locale', locale: lang, requested: match.requested, checkout: catalogue?.checkout });
  });

  const channel = openHostChannel(params.hostOrigin, (message) => {
    switch (message.type) {
      case 'init': {
        // The first init names the session; a secret for another one later means a confused host:
        // ignored (the host makes a new frame for each session).
        const id = sessionIdOf(message.clientSecret);
        if (!id || (session && session.id !== id)) return;
        session = { id, clientSecret: message.clientSecret };
        applyStyleTokens(root, message.styleTokens);
        return void speak(message.locale ?? AUTO_LOCALE);
      }
      case 'read':
        // Before a valid init there is no secret to read with; the host always sends init first.
        if (session) reads.read(message, session);
        return;
      case 'cancel':
        return reads.cancel(message.id);
      case 'focus':
        return form.focus(message.field);
      case 'clear':
        return form.clear();
      case 'confirm':
        return void confirm(message);
    }
  });

  const reads = createSessionReads(
    params.hostOrigin,
    (reply) => channel.post(reply),
    // The view is relayed once the language is applied: the host learns it first (see frame-locale.ts).
    (view) => speak('', view),
  );

  const hint = createCvcHint(() => strings, () => form.validate().brand);
  const form = createCardForm(
    strings,
    {
      change(state: FormState) {
        const key = JSON.stringify(state);
        if (key === lastChange) return;
        lastChange = key;
        channel.post({ type: 'change', ...state });
      },
      focus: (field) => channel.post({ type: 'focus', field }),
      blur: (field) => channel.post({ type: 'blur', field }),
      submit() {
        if (!form.validate().complete) form.revealErrors();
        channel.post({ type: 'submit' });
      },
    },
    hint.attach,
  );

  /** Fills a test card: any future expiry and a 3-digit CVC work in test mode (docs/sandbox-api.md). */
  function fillTestCard(number: string): void {
    if (busy) return; // what is charged is what was shown when Pay was pressed
    const values = form.values();
    form.fill({
      ...(values.name.trim() ? {} : { name: 'Test Customer' }),
      number,
      expiry: `12${(new Date().getFullYear() + 3) % 100}`,
      cvc: '123',
    });
  }

  async function confirm(message: ConfirmMessage): Promise<void> {
    if (busy) return;
    const reply = (outcome: ConfirmOutcome) =>
      channel.post({ type: 'result', idempotencyKey: message.idempotencyKey, ...outcome });
    const now = new Date();
    const values = form.values();
    const expiry = expiryForApi(values.expiry, now);
    if (!session) {
      return reply({ ok: false, error: { type: 'integration_error', code: 'frame_not_initialised', message: strings.notReady } });
    }
    if (!form.validate(now).complete || !expiry) {
      form.revealErrors();
      form.focus();
      return reply({ ok: false, error: { type: 'validation_error', code: 'incomplete_card', message: strings.incompleteCard } });
    }
    busy = true;
    form.setBusy(true);
    const confirmBody = {
      paymentMethod: {
        type: 'card' as const,
        card: { number: onlyDigits(values.number), ...expiry, cvc: onlyDigits(values.cvc) },
        billingDetails: { ...message.billingDetails, name: values.name.trim() },
      },
      returnOrigin: message.returnOrigin,
      ...(message.challengeWindowSize && { challengeWindowSize: message.challengeWindowSize }),
    };
    // The API is the frame's own origin.
    const outcome = await toConfirmOutcome(postConfirm(confirmBody, {
      apiBase: '',
      sessionId: session.id,
      clientSecret: session.clientSecret,
      idempotencyKey: message.idempotencyKey,
      embeddingOrigin: params.hostOrigin,
    }));
    busy = false;
    form.setBusy(false);
    if (!outcome.ok && outcome.error.type === 'network_error') outcome.error.message = strings.networkError;
    reply(outcome);
  }

  // The host names a test-mode session's mode in the URL (its id says so: `cs_test_…`): the picker
  // is part of the first layout, so nothing below it moves when the session arrives.
  if (params.testMode) {
    form.element.prepend((picker = createTestCardPicker(strings.testCards, fillTestCard, strings.testCardOutcomes)));
  }
  body.append(form.element);
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    channel.post({ type: 'resize', height });
  }).observe(root);
  channel.post({ type: 'ready', protocolVersion: FRAME_PROTOCOL_VERSION });
  form.refresh();
}
