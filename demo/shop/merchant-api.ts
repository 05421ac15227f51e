/**
 * The merchant server's side of the XPay API: secret-key calls only, made from the server — the
 * secret key never reaches a browser.
 */
export class MerchantApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MerchantApiError';
  }
}

export interface MerchantApi {
  post<T = Record<string, unknown>>(path: string, body: unknown, idempotencyKey?: string): Promise<T>;
  get<T = Record<string, unknown>>(path: string): Promise<T>;
}

export function createMerchantApi(apiBase: string, secretKey: string): MerchantApi {
  async function call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${secretKey}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const response = await fetch(new URL(path, apiBase), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const json = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    if (!response.ok) {
      throw new MerchantApiError(response.status, json.error?.code ?? 'api_error', json.error?.message ?? response.statusText);
    }
    return json as T;
  }
  return {
    post: (path, body, key) => call('POST', path, body, key),
    get: (path) => call('GET', path),
  };
}
