import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mountCheckout } from '../harness/checkout.harness.js';
import { afterDispatch, LOCAL_POSTER, nextMessage, posterUrl, waitFor } from '../harness/messages.js';
import { recordEvents } from '../helpers/expect-event.js';

/**
 * `<xpay-challenge>` with the sandbox's real issuer (ACS) page: the dialog, its focus, and which
 * `challenge_done` messages it believes. The ACS's "done" is only a signal to re-read, but it must
 * still come from the ACS's exact origin and window (issue 3 §4).
 */
async function openChallenge() {
  const mounted = await mountCheckout();
  const opened = await mounted.harness.openChallenge();
  let doneSignals = 0;
  opened.challenge.addEventListener('xpay-challenge-done', () => (doneSignals += 1));
  return { ...mounted, ...opened, doneSignals: () => doneSignals };
}

const DONE = { v: 1, type: 'challenge_done' };

describe('<xpay-challenge>', function () {
  // Each test pays up to a 3-D Secure challenge for real; 2 shared cores can make that slow.
  this.timeout(60_000);
  it('should be an accessible modal dialog with the close button focused', async () => {
    const { el, challenge } = await openChallenge();
    const dialog = challenge.shadowRoot!.querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(challenge.shadowRoot!.activeElement).to.equal(challenge.shadowRoot!.querySelector('button.close'));
    expect(challenge.shadowRoot!.querySelector('iframe')!.title).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('should close on Escape from its close button, report the abandon, and give focus back to the form', async () => {
    const { el, harness, result, challenge } = await openChallenge();
    const declined = recordEvents(el, 'xpay-declined');
    const close = challenge.shadowRoot!.querySelector<HTMLButtonElement>('button.close')!;
    close.focus();
    expect(challenge.shadowRoot!.activeElement).to.equal(close);
    await sendKeys({ press: 'Escape' });
    const settled = await result;
    expect(settled.status).to.equal('requires_payment_method');
    expect(settled.error!.code).to.equal('authentication_abandoned');
    await declined.nth(1);
    await el.updateComplete;
    await challenge.updateComplete;
    expect(challenge.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    const form = harness.root.querySelector('form')!;
    expect(document.activeElement).to.equal(el);
    expect(form.contains(harness.root.activeElement)).to.equal(true);
  });

  it('should report a failed authentication as a decline and keep the form', async () => {
    const { el, harness, result } = await openChallenge();
    const declined = recordEvents(el, 'xpay-declined');
    await harness.completeChallenge('fail');
    const settled = await result;
    expect(settled.status).to.equal('requires_payment_method');
    expect(settled.error!.code).to.equal('authentication_failed');
    await declined.nth(1);
    await el.updateComplete;
    expect(harness.cardFrame()).to.exist;
    expect(harness.challenge().open).to.equal(false);
  });

  describe('when a challenge_done does not come from the ACS window and origin', () => {
    // A finished challenge's page posts challenge_done to its parent every time it loads: a real
    // ACS-origin sender that leaves the session as it is. Loaded into the open challenge's own
    // window, it is the positive probe (the listener does count a real done); elsewhere, the sender
    // that must be ignored.
    let finishedAcsUrl = '';
    before(async () => {
      const first = await openChallenge();
      await first.harness.completeChallenge('complete');
      expect((await first.result).status).to.equal('succeeded');
      finishedAcsUrl = first.acsUrl;
    });

    async function expectProbeCounted(acsFrame: HTMLIFrameElement, doneSignals: () => number): Promise<void> {
      acsFrame.contentWindow!.location.href = finishedAcsUrl;
      await waitFor(() => doneSignals() === 1);
      expect(doneSignals()).to.equal(1);
    }

    it('should ignore one from this page and one from the ACS window showing another origin', async () => {
      const { challenge, acsFrame, doneSignals } = await openChallenge();
      // Wrong origin and wrong window: the merchant page itself.
      const fromPage = nextMessage((e) => e.source === window && e.data?.type === 'challenge_done');
      window.postMessage(DONE, location.origin);
      await fromPage;
      // The ACS's own window, navigated to a page of this origin: right window, wrong origin.
      const fromNavigated = nextMessage((e) => e.source === acsFrame.contentWindow && e.data?.type === 'challenge_done');
      acsFrame.contentWindow!.location.href = posterUrl(LOCAL_POSTER, [DONE]);
      expect((await fromNavigated).origin).to.equal(location.origin);
      await afterDispatch();
      expect(doneSignals()).to.equal(0);
      expect(challenge.open).to.equal(true);
      await expectProbeCounted(acsFrame, doneSignals);
    });

    it('should ignore one from another window of the ACS origin', async () => {
      const { challenge, acsFrame, doneSignals } = await openChallenge();
      const other = await fixture<HTMLIFrameElement>(html`<iframe title="Another issuer page"></iframe>`);
      const seen = nextMessage((e) => e.source === other.contentWindow && e.data?.type === 'challenge_done');
      other.src = finishedAcsUrl;
      expect((await seen).origin).to.equal(new URL(finishedAcsUrl).origin);
      await afterDispatch();
      expect(doneSignals()).to.equal(0);
      expect(challenge.open).to.equal(true);
      await expectProbeCounted(acsFrame, doneSignals);
    });

    it('should ignore messages of another shape from the ACS window and origin', async () => {
      const { challenge, acsFrame, acsUrl, apiBase, doneSignals } = await openChallenge();
      // The card frame is another page of the same origin; in the ACS's window it posts `ready`,
      // `resize`… : the right origin and window, but not a challenge_done.
      const seen = nextMessage((e) => e.source === acsFrame.contentWindow && e.data?.type === 'ready');
      acsFrame.contentWindow!.location.href = `${apiBase}/frames/card/v1/?origin=${encodeURIComponent(location.origin)}&mode=test`;
      expect((await seen).origin).to.equal(new URL(acsUrl).origin);
      await afterDispatch();
      expect(doneSignals()).to.equal(0);
      expect(challenge.open).to.equal(true);
      await expectProbeCounted(acsFrame, doneSignals);
    });
  });
});
