// The manager's sign-in on this tab. sessionStorage, not localStorage: the token lives as long as
// the tab does, so closing the board on a shared front-desk computer signs out.
import { post, showError } from './api.js';

const key = 'board.session';

/** The sign-in saved on this tab ({ token, email }), or null when there is none or it has expired. */
export function savedSession() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    if (saved?.token && Date.parse(saved.expiresAt) > Date.now()) return { token: saved.token, email: saved.email ?? '' };
    sessionStorage.removeItem(key);
  } catch {
    // Storage off or unreadable: sign in again.
  }
  return null;
}

/** Signs in with email and password (POST /api/sign-in), keeps the token on this tab and returns { token, email }. */
export async function signIn(email, password) {
  const signedIn = await post('/api/sign-in', { email, password });
  const session = { token: signedIn.token, email: signedIn.user?.email ?? email, expiresAt: signedIn.expiresAt };
  try {
    sessionStorage.setItem(key, JSON.stringify(session));
  } catch {
    // Storage off: the token still works until the page is left.
  }
  return { token: session.token, email: session.email };
}

/**
 * Makes a page's sign-in form (fields email and password) sign in: on success signedIn(session);
 * otherwise the API's words in errorElement and the password selected for another try.
 */
export function signInWith(form, errorElement, signedIn) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const session = await signIn(form.email.value.trim(), form.password.value);
      form.reset();
      signedIn(session);
    } catch (error) {
      showError(errorElement, error);
      form.password.select();
    } finally {
      button.disabled = false;
    }
  });
}

export function forgetSession() {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing was saved.
  }
}
