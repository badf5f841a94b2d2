// A forgotten password: ask for a mailed link, or, opened from that link (#token=...), set a new one.
import { post, showError } from './api.js';

const byId = (id) => document.getElementById(id);

// The token comes in the fragment, which the browser never sends to a server; it is taken out of the
// address bar at once, so it stays in neither the history nor a screenshot.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
if (token) history.replaceState(null, '', location.pathname);

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
      const done = await post('/api/password-reset/confirm', { token, password: form.password.value });
      form.reset();
      byId('choose').hidden = true;
      byId('done-text').textContent = `Sign in as ${done.email} with it on the room board.`;
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

if (token) choose();
else ask();
