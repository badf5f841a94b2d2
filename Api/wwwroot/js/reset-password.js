// A forgotten password: ask for a mailed link, or, opened from that link (#token=...), set a new one.
import { post, showError } from './api.js';
import { boardAddress } from './board-address.js';
import { signIn } from './session.js';

const byId = (id) => document.getElementById(id);

// The token comes in the fragment, which the browser never sends to a server; it is taken out of the
// address bar at once, so it stays in neither the history nor a screenshot.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
if (token) history.replaceState(null, '', location.pathname);
// A link pasted into this same tab changes only the fragment, which loads nothing: read it afresh.
addEventListener('hashchange', () => location.reload());

function ask() {
  const section = byId('ask');
  const form = byId('ask-form');
  section.hidden = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    showError(byId('ask-error'), null);
    try {
      const answer = await post('/api/password-reset', { email: form.email.value.trim() });
      byId('asked').textContent = `${answer.message} Check your mailbox, and the spam folder too.`;
      byId('asked').hidden = false;
      form.hidden = true;
    } catch (error) {
      showError(byId('ask-error'), error);
    } finally {
      button.disabled = false;
    }
  });
}

function choose() {
  const form = byId('choose-form');
  byId('choose').hidden = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = byId('choose-error');
    if (form.password.value !== form.repeat.value) {
      showError(error, new Error('The two passwords differ; type the same one twice.'));
      form.repeat.select();
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    showError(error, null);
    try {
      const password = form.password.value;
      const done = await post('/api/password-reset/confirm', { token, password });
      form.reset();
      byId('choose').hidden = true;
      byId('done-text').textContent = `You are signed in as ${done.email} in this browser; next time, sign in with the new password.`;
      byId('to-board').href = await signedInBoard(done.email, password);
      byId('done').hidden = false;
    } catch (failure) {
      showError(error, failure);
      // A used or expired link cannot be fixed by typing: offer a new one.
      byId('ask-again').hidden = failure.status !== 410 && !failure.fields?.token;
    } finally {
      button.disabled = false;
    }
  });
}

/** Signs in with the new password, as the board's form would, and returns the board of the account's first organization. */
async function signedInBoard(email, password) {
  try {
    const account = await signIn(email, password);
    const organization = Object.keys(account.memberships ?? {})[0];
    return organization ? await boardAddress(organization) : '/board';
  } catch {
    byId('done-text').textContent = `Sign in as ${email} with it on the room board.`;
    return '/board';
  }
}

if (token) choose();
else ask();
