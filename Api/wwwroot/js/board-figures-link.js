// The board header's link to the same property's figures. Boards are open to all staff, figures
// (revenue) only to managers and owners, so the link shows only to them: a member of staff would
// only meet a refusal. Kept apart from board.js, which it never needs to touch.
import { currentAccount } from './session.js';

const query = new URLSearchParams(location.search);
const organization = query.get('org') || 'demo';
const link = document.getElementById('figures-link');
const account = document.getElementById('account');
link.href = `/figures?${new URLSearchParams({ org: organization, property: query.get('property') || 'harbour-view' })}`;

/** Shows the link while someone who may read figures is signed in: the board shows its account then. */
async function showToManagers() {
  link.hidden = true;
  if (account.hidden) return;
  try {
    const role = (await currentAccount())?.memberships?.[organization];
    link.hidden = account.hidden || !['Manager', 'Owner'].includes(role);
  } catch {
    // Not reachable now: no link rather than one that may lead to a refusal.
  }
}

new MutationObserver(showToManagers).observe(account, { attributes: true, attributeFilter: ['hidden'] });
showToManagers();
