// The signed-in member's role in the board's organization, for the header's extras (team link,
// onboarding checklist). The board shows #account once someone is signed in; asked then, and
// asked again at the next sign-in.
import { currentAccount } from './session.js';

const organization = new URLSearchParams(location.search).get('org') || 'demo';
const account = document.getElementById('account');
const listeners = [];
let asked = null;

function ask() {
  if (account.hidden) {
    asked = null;
    for (const listener of listeners) listener(null);
    return;
  }
  asked ??= currentAccount().then((me) => me?.memberships?.[organization] ?? null, () => null);
  asked.then((role) => { for (const listener of listeners) listener(account.hidden ? null : role); });
}

/** Calls listener(role) with "Owner", "Manager" or "Staff" once someone is signed in, and null when nobody is. */
export function onMember(listener) {
  listeners.push(listener);
  if (listeners.length === 1) {
    new MutationObserver(ask).observe(account, { attributes: true, attributeFilter: ['hidden'] });
  }
  ask();
}
