import { describe, expect, it } from 'vitest';
import { isSafeUrl } from '../../../src/api/safe-url.js';

describe('isSafeUrl (URLs from the network, issue 8 §5)', () => {
  it.each([
    ['https to any host', 'https://acs.bank.example/challenge/1?x=1#y'],
    ['https with a port', 'https://shop.example:8443/thanks'],
    ['http to localhost', 'http://localhost:3000/success'],
    ['http to localhost with a trailing dot', 'http://localhost./x'],
    ['http to 127.0.0.1', 'http://127.0.0.1:4242/sandbox/acs/ch_1'],
    ['http to elsewhere in 127.0.0.0/8', 'http://127.45.6.7/'],
    ['http to 127.1 (normalised to 127.0.0.1)', 'http://127.1/'],
    ['http to a hex loopback address', 'http://0x7f.0.0.1/'],
    ['http to [::1]', 'http://[::1]:8080/'],
    ['upper-case scheme and host', 'HTTP://LOCALHOST/'],
  ])('should accept %s', (_, url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with a comment trick', 'javascript://localhost/%0aalert(1)'],
    ['javascript: with leading spaces and mixed case', '  JaVaScRiPt:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', 'blob:https://shop.example/0b5c'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://ftp.example/x'],
    ['http to another host', 'http://evil.example/'],
    ['http to a host merely starting with localhost', 'http://localhost.evil.example/'],
    ['http to a host merely starting with 127.', 'http://127.0.0.1.evil.example/'],
    ['http to a private LAN address', 'http://192.168.1.10/'],
    ['http to 0.0.0.0', 'http://0.0.0.0/'],
    ['http to another IPv6 address', 'http://[fe80::1]/'],
    ['a relative URL', '/sandbox/acs/ch_1'],
    ['a protocol-relative URL', '//evil.example/'],
    ['an empty string', ''],
    ['unparsable text', 'not a url'],
  ])('should refuse %s', (_, url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it('should refuse anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://a.example'], new URL('https://a.example')]) {
      expect(isSafeUrl(value), String(value)).toBe(false);
    }
  });
});
