// JSON over HTTP with the API's problem details turned into errors a person can read.

/** A refusal from the API: its problem type, a sentence to show, and the fields that were wrong. */
export class ApiError extends Error {
  constructor(problem, status) {
    super(describe(problem, status));
    this.status = status;
    this.type = problem?.type ?? '';
    this.fields = problem?.errors ?? {};
  }
}

// The pages sign in with an HttpOnly cookie the browser sends by itself; a change made with it
// must also carry the antiforgery token, which another site's page cannot read.
let antiforgery = null;
let onSignInEnded = null;

/** Calls `ended` when the API answers that the page's sign-in is missing or no longer good (null: nobody). */
export function whenSignInEnds(ended) {
  onSignInEnded = ended;
}

/** Drops the antiforgery token: it belongs to one sign-in, so a new sign-in or a sign-out needs a new one. */
export function forgetAntiforgery() {
  antiforgery = null;
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body, options);
export const put = (path, body) => request('PUT', path, body);
export const del = (path) => request('DELETE', path);

export async function request(method, path, body, { idempotencyKey, keepalive, headers: extra } = {}, retried = false) {
  const headers = { ...extra, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // A retry of the same action (a double click, a lost answer) must not make a second booking.
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (method !== 'GET') {
    const { token, headerName } = await antiforgeryToken();
    headers[headerName] = token;
  }
  // keepalive: the request outlives the page (a report sent as the guest leaves).
  const { response, data } = await send(path, { method, headers, keepalive, body: body === undefined ? undefined : JSON.stringify(body) });
  // The token went stale (signed in or out in another tab): fetch a fresh one and try once more.
  if (response.status === 403 && data?.type?.endsWith('/antiforgery') && !retried) {
    forgetAntiforgery();
    return request(method, path, body, { idempotencyKey, keepalive, headers: extra }, true);
  }
  if (!response.ok) throw new ApiError(data, response.status);
  return data;
}

/**
 * Fetches a file the API sends as an attachment (a CSV, say), which needs the sign-in like any
 * other call, and returns { blob, name } with the name the API gave it.
 */
export async function download(path) {
  let response;
  try {
    response = await fetch(path);
  } catch {
    throw unreachable();
  }
  if (response.status === 401) onSignInEnded?.();
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // Not a problem document: the status says enough.
    }
    throw new ApiError(problem, response.status);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), name };
}

async function send(path, init) {
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw unreachable();
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { title: text };
  }
  // A wrong password is a 401 too, but of another type: only "unauthorized" means the sign-in is gone.
  if (response.status === 401 && data?.type?.endsWith('/unauthorized')) onSignInEnded?.();
  return { response, data };
}

function antiforgeryToken() {
  antiforgery ??= send('/api/antiforgery', { headers: { Accept: 'application/json' } }).then(({ response, data }) => {
    if (!response.ok) {
      antiforgery = null;
      throw new ApiError(data, response.status);
    }
    return data;
  });
  return antiforgery;
}

const unreachable = () => new ApiError({ title: 'Could not reach the hotel system; check the connection and try again.' }, 0);

function describe(problem, status) {
  if (!problem) return `The request failed (${status}).`;
  const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
  const main = problem.detail || problem.title || `The request failed (${status}).`;
  return fields.length ? `${main} ${fields.join(' ')}` : main;
}

/** Shows an error in a page's alert element, or clears it when error is null. */
export function showError(element, error) {
  element.textContent = error ? error.message : '';
  element.hidden = !error;
}
