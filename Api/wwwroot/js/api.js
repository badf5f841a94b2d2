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

// The bearer token the board signs its requests with; the guest pages never set one.
let bearer = null;
let onUnauthorized = null;

/**
 * Sends `token` as "Authorization: Bearer" on every later request (null: none), and calls
 * `unauthorized` when the API answers 401 to one of them: the token expired or is no longer good.
 */
export function useToken(token, unauthorized = null) {
  bearer = token;
  onUnauthorized = unauthorized;
}

export const get = (path) => request('GET', path);
export const post = (path, body, options) => request('POST', path, body, options);
export const put = (path, body) => request('PUT', path, body);

export async function request(method, path, body, { idempotencyKey } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // A retry of the same action (a double click, a lost answer) must not make a second booking.
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const signedWith = bearer;
  if (signedWith) headers.Authorization = `Bearer ${signedWith}`;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ title: 'Could not reach the hotel system; check the connection and try again.' }, 0);
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { title: text };
  }
  // Only a request that carried a token can say the token is no longer good (a wrong password is 401 too).
  if (response.status === 401 && signedWith && signedWith === bearer) onUnauthorized?.();
  if (!response.ok) throw new ApiError(data, response.status);
  return data;
}

/**
 * Fetches a file the API sends as an attachment (a CSV, say) with the member's token, which a plain
 * link cannot carry, and returns { blob, name } with the name the API gave it.
 */
export async function download(path) {
  const headers = {};
  const signedWith = bearer;
  if (signedWith) headers.Authorization = `Bearer ${signedWith}`;
  let response;
  try {
    response = await fetch(path, { headers });
  } catch {
    throw new ApiError({ title: 'Could not reach the hotel system; check the connection and try again.' }, 0);
  }
  if (response.status === 401 && signedWith && signedWith === bearer) onUnauthorized?.();
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
