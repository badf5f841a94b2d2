// Accepting an invitation from its mailed link (#token=...): name and password, then the team's board.
import { post, showError } from './api.js';
import { boardAddress } from './board-address.js';
import { signIn } from './session.js';

const byId = (id) => document.getElementById(id);

// In the fragment so no server log or Referer sees it; out of the address bar at once.
const token = new URLSearchParams(location.hash.slice(1)).get('token');
if (token) history.replaceState(null, '', location.pathname);
// A link pasted into this same tab changes only the fragment, which loads nothing: read it afresh.
addEventListener('hashchange', () => location.reload());

if (!token) {
  byId('no-token').hidden = false;
} else {
  const form = byId('join-form');
  byId('join').hidden = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    showError(byId('join-error'), null);
    try {
      const password = form.password.value;
      const joined = await post(`/api/invitations/${encodeURIComponent(token)}/accept`, { name: form.name.value.trim(), password });
      // The pages share one sign-in cookie: sign in the way the board's form does.
      await signIn(joined.user.email, password);
      location.assign(await boardAddress(token.split('.')[0]));
    } catch (error) {
      showError(byId('join-error'), error);
      button.disabled = false;
    }
  });
}
