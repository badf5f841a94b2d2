// The sign-in of the hotel's pages: an HttpOnly cookie set by the API (POST /api/session), which
// no script can read, shared by the board, the figures and the team page, and ended when the
// browser closes. Pages ask currentAccount() who is signed in.
import { ApiError, del, forgetAntiforgery, get, post, showError } from './api.js';

/** The signed-in account ({ email, name, memberships }), or null when nobody is signed in on this browser. */
export async function currentAccount() {
  try {
    return await get('/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Signs in with email and password and returns the account. */
export async function signIn(email, password) {
  const account = await post('/api/session', { email, password });
  forgetAntiforgery();
  return account;
}

/** Signs this browser out. */
export async function signOut() {
  try {
    await del('/api/session');
  } finally {
    forgetAntiforgery();
  }
}

/**
 * Makes a page's sign-in form (fields email and password) sign in: on success signedIn(account);
 * otherwise the API's words in errorElement and the password selected for another try.
 */
export function signInWith(form, errorElement, signedIn) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const account = await signIn(form.email.value.trim(), form.password.value);
      form.reset();
      signedIn(account);
    } catch (error) {
      showError(errorElement, error);
      form.password.select();
    } finally {
      button.disabled = false;
    }
  });
}
