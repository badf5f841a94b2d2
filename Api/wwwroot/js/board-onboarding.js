// The onboarding checklist above the board, for owners and managers until every step is done.
// Each tick comes from the organization's real state (GET /api/orgs/{org}/onboarding), read again
// when the board changes (a booking drawn, say) and when the tab comes back into view, so a step
// done elsewhere (the team page, the guest's booking page) ticks itself.
import { get, post, request, showError } from './api.js';
import { onMember } from './board-member.js';
import { h } from './dom.js';

const query = new URLSearchParams(location.search);
const organization = query.get('org') || 'demo';
const property = query.get('property') || 'harbour-view';
const orgPath = `/api/orgs/${encodeURIComponent(organization)}`;
const samplesPath = `${orgPath}/properties/${encodeURIComponent(property)}/sample-bookings`;
const setup = (step) => `/setup?${new URLSearchParams(step ? { org: organization, step } : { org: organization })}`;
const openKey = `onboarding.open.${organization}`;

const steps = [
  { key: 'propertySetUp', label: 'Property set up', href: setup(), action: 'Set up' },
  { key: 'roomsAdded', label: 'Rooms added', href: setup('rooms'), action: 'Add rooms' },
  { key: 'ratesSet', label: 'Rates set', href: setup('room-types'), action: 'Set rates' },
  { key: 'colleagueInvited', label: 'A colleague invited', href: `/team?${new URLSearchParams({ org: organization })}`, action: 'Invite', owners: true },
  // A click on an empty night books one too; the legend says so already.
  { key: 'testBookingTaken', label: 'A test booking taken', href: `/book/${encodeURIComponent(organization)}/${encodeURIComponent(property)}`, action: 'Book as a guest' },
  // No page for it yet: owners connect their keys through the API (README, "Stripe").
  { key: 'stripeConnected', label: 'Stripe connected', hint: 'owners, through the API' },
];

const panel = document.getElementById('onboarding');
const board = document.getElementById('board');
let role = null;
let timer = 0;
// What the last sample action did, kept across the redraws that follow it.
let said = '';
// Once every step is done the panel is gone for good on this page: no more asking.
let finished = false;
let taken = false;

function item(step, done) {
  const mark = h('span', { class: 'tick', 'aria-hidden': 'true' }, done ? '✓' : '');
  const text = h('span', {}, step.label, h('span', { class: 'visually-hidden' }, done ? ' (done)' : ' (to do)'));
  const extra = done ? null
    : step.href && (!step.owners || role === 'Owner') ? h('a', { href: step.href }, step.action)
    : step.hint ? h('span', { class: 'muted' }, step.hint) : null;
  return h('li', { dataset: { step: step.key, done: String(done) } }, mark, text, extra);
}

/**
 * Open or closed: as this browser last left it; else as it is now (a redraw never snaps it shut);
 * else open until a first booking is taken, after which the board's nights matter more.
 */
function opened(checklist) {
  try {
    const chosen = localStorage.getItem(openKey);
    if (chosen) return chosen === 'open';
  } catch {
    // Storage off: decided below.
  }
  const shown = panel.querySelector('details');
  return shown ? shown.open : !checklist.testBookingTaken;
}

function samples(count) {
  const status = h('span', { class: 'muted', 'aria-live': 'polite' }, said);
  const error = h('div', { class: 'alert', role: 'alert', hidden: true });
  const act = (button, action) => async () => {
    button.disabled = true;
    try {
      said = await action();
      status.textContent = said;
      showError(error, null);
      await refresh();
    } catch (refusal) {
      showError(error, refusal);
    } finally {
      button.disabled = false;
    }
  };
  const add = h('button', { type: 'button' }, 'Add sample bookings');
  add.addEventListener('click', act(add, async () => {
    const change = await post(samplesPath);
    return `Added ${change.added} sample bookings over the coming week.`;
  }));
  const remove = h('button', { type: 'button', class: 'danger', hidden: count === 0 }, `Remove sample bookings (${count})`);
  remove.addEventListener('click', act(remove, async () => {
    const change = await request('DELETE', samplesPath);
    return `Removed ${change.removed} sample bookings.`;
  }));
  return h('div', { class: 'samples' }, add, remove, status, error);
}

function render(checklist) {
  if (checklist.done) {
    finished = true;
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  taken = checklist.testBookingTaken;
  const done = steps.filter((s) => checklist[s.key]).length;
  const details = h('details', { open: opened(checklist) },
    h('summary', {}, h('strong', {}, 'Getting started'), ` · ${done} of ${steps.length} done`),
    h('div', { class: 'onboarding-body' },
      h('ul', { class: 'checklist' }, ...steps.map((s) => item(s, checklist[s.key]))),
      samples(checklist.sampleBookings)));
  details.addEventListener('toggle', () => {
    try {
      localStorage.setItem(openKey, details.open ? 'open' : 'closed');
    } catch {
      // Storage off: it opens again next time.
    }
  });
  const wasFocused = panel.contains(document.activeElement) ? document.activeElement.textContent : null;
  panel.replaceChildren(details);
  panel.hidden = false;
  // A refresh while someone was on a button keeps them there.
  if (wasFocused) [...panel.querySelectorAll('button, a, summary')].find((e) => e.textContent === wasFocused)?.focus();
}

async function refresh() {
  if (finished) return;
  if (!['Owner', 'Manager'].includes(role)) {
    panel.hidden = true;
    return;
  }
  try {
    render(await get(`${orgPath}/onboarding`));
  } catch {
    // Not now (a network blip): the next change on the board asks again.
  }
}

// At most one question a second and a half, however busy the board is.
function refreshSoon(delay = 1500) {
  if (timer || finished) return;
  timer = setTimeout(() => {
    timer = 0;
    refresh();
  }, delay);
}

onMember((newRole) => {
  role = newRole;
  refresh();
});
// Bars come and go as the live feed brings bookings: a test booking shows there first. The other
// steps are taken on other pages, so once a booking is taken a busy board asks no more (reading
// every room of a large hotel each time a bar moves would cost more than the tick is worth).
new MutationObserver(() => { if (!taken) refreshSoon(); }).observe(board, { childList: true, subtree: true });
document.addEventListener('visibilitychange', () => { if (!document.hidden) refreshSoon(0); });
