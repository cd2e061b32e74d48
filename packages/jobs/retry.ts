/**
 * The retry policy shared by every script: transient failures (server unavailable, 5xx, network resets,
 * concurrency limits, record locks) are retried with exponential backoff and jitter, a bounded number of
 * times; anything else (validation, malformed requests, a spent daily allocation) is final.
 */

export interface RetryPolicy {
  /** Further attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injected for deterministic tests. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 6,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Error codes of whole requests that another attempt may cure. */
const TRANSIENT_CODES = new Set([
  'SERVER_UNAVAILABLE',
  'UNABLE_TO_LOCK_ROW',
  'ERROR_HTTP_500',
  'ERROR_HTTP_502',
  'ERROR_HTTP_503',
  'ERROR_HTTP_504',
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

interface ErrorLike {
  errorCode?: unknown;
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** The Salesforce error code of a thrown error (jsforce puts it in errorCode and name), or a network code. */
export function errorCodeOf(error: unknown): string | undefined {
  const e = error as ErrorLike | null;
  if (!e || typeof e !== 'object') return undefined;
  for (const value of [e.errorCode, e.code, (e.cause as ErrorLike | undefined)?.code]) {
    if (typeof value === 'string' && value !== '') return value;
  }
  return typeof e.name === 'string' && /^[A-Z_0-9]+$/.test(e.name) ? e.name : undefined;
}

/**
 * REQUEST_LIMIT_EXCEEDED means either too many concurrent long requests (transient) or the daily API
 * allocation is used up (final until tomorrow): only the first is retried.
 */
export function isDailyLimitError(error: unknown): boolean {
  if (errorCodeOf(error) !== 'REQUEST_LIMIT_EXCEEDED') return false;
  const message = String((error as ErrorLike).message ?? '');
  return !/concurren/i.test(message);
}

export function isTransientError(error: unknown): boolean {
  const code = errorCodeOf(error);
  if (code === 'REQUEST_LIMIT_EXCEEDED') return !isDailyLimitError(error);
  if (code && TRANSIENT_CODES.has(code)) return true;
  const message = String((error as ErrorLike | null)?.message ?? '');
  return /socket hang up|fetch failed|network|ECONNRESET/i.test(message);
}

/** Per-record error codes (inside a 200 collection response) worth another attempt. */
export function isTransientRecordError(statusCode: string): boolean {
  return statusCode === 'UNABLE_TO_LOCK_ROW' || statusCode === 'SERVER_UNAVAILABLE';
}

/** Delay before retry number `attempt` (0-based): exponential, capped, with "equal jitter". */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

/** Runs `operation`, retrying transient failures under the policy; the last error is rethrown. */
export async function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.retries || !isTransientError(error)) throw error;
      const delay = backoffDelay(attempt, policy);
      onRetry?.(error, attempt + 1, delay);
      await policy.sleep(delay);
    }
  }
}
