import http from 'node:http';
import https from 'node:https';
import { gunzipSync } from 'node:zlib';

export interface DownloadOptions {
  /** The whole download, redirects included, must finish within this. */
  readonly timeoutMs: number;
  /** Refuse bodies larger than this. */
  readonly maxBytes: number;
  readonly onProgress?: (received: number, total: number | undefined) => void;
}

export interface Download {
  readonly body: Buffer;
  /** After redirects. */
  readonly url: string;
}

/** A download that failed, with a message fit for the user. */
export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

const MAX_REDIRECTS = 5;

/**
 * GETs a feed over http(s) with a deadline, following redirects. A body
 * shorter than its Content-Length (the connection dropped mid-way) is an
 * error, never a short feed.
 */
export async function download(url: string, options: DownloadOptions): Promise<Download> {
  const deadline = Date.now() + options.timeoutMs;
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const result = await get(current, deadline, options);
    if (result.redirect === undefined) return { body: result.body, url: current.toString() };
    current = new URL(result.redirect, current);
    if (current.protocol !== 'http:' && current.protocol !== 'https:') throw new DownloadError(`redirected to ${current.protocol} URL ${current}`);
  }
  throw new DownloadError(`more than ${MAX_REDIRECTS} redirects`);
}

function get(url: URL, deadline: number, options: DownloadOptions): Promise<{ body: Buffer; redirect?: string }> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      reject(new DownloadError(`timed out after ${options.timeoutMs / 1000} s`));
      return;
    }
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, { headers: { 'user-agent': 'guardduty-cdktf threatlists fetch', accept: 'text/plain, */*', 'accept-encoding': 'gzip, identity' } });
    const timer = setTimeout(() => request.destroy(new DownloadError(`timed out after ${options.timeoutMs / 1000} s`)), remaining);
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err instanceof DownloadError ? err : new DownloadError(err.message));
    };
    request.on('error', fail);
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        clearTimeout(timer);
        resolve({ body: Buffer.alloc(0), redirect: response.headers.location });
        return;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        fail(new DownloadError(`HTTP ${status} ${response.statusMessage ?? ''}`.trim()));
        return;
      }
      const declared = response.headers['content-length'] === undefined ? undefined : Number(response.headers['content-length']);
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxBytes) {
          request.destroy(new DownloadError(`the feed is larger than ${options.maxBytes.toLocaleString('en-US')} bytes`));
          return;
        }
        chunks.push(chunk);
        options.onProgress?.(received, declared);
      });
      const truncated = () =>
        new DownloadError(
          `truncated download: the connection closed after ${received.toLocaleString('en-US')} of ${declared === undefined ? 'an unknown number of' : declared.toLocaleString('en-US')} bytes`,
        );
      // Node reports a connection dropped mid-body as an 'aborted' error on the response.
      response.on('error', (err) => fail(err instanceof DownloadError ? err : truncated()));
      response.on('close', () => {
        if (!response.complete || (declared !== undefined && received !== declared)) {
          fail(truncated());
          return;
        }
        clearTimeout(timer);
        let body = Buffer.concat(chunks);
        if (response.headers['content-encoding'] === 'gzip') {
          try {
            body = gunzipSync(body);
          } catch (err) {
            fail(new DownloadError(`cannot gunzip the feed: ${(err as Error).message}`));
            return;
          }
        }
        resolve({ body });
      });
    });
  });
}
