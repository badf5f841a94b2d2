// The guest's booking flow: dates, a room type with its price, a hold, the guest's details, confirmation.
import { get, post, showError } from './api.js';
import { addDays, formatStay, money, nightsBetween, time, todayIn } from './dates.js';
import { h, newKey } from './dom.js';
import { bookingSummary } from './booking-summary.js';
import { answer, consent, currentVisitId, reportStep, searchCountedInVisit, startVisit } from './visit.js';

const [, , organization = '', property = ''] = location.pathname.split('/').map(decodeURIComponent);
const api = `/api/orgs/${encodeURIComponent(organization)}`;
const byId = (id) => document.getElementById(id);
const error = byId('error');
const steps = ['search', 'rooms', 'guest', 'confirm', 'done'];

const flow = { property: null, stay: null, choice: null, key: null, held: null, variant: null, availability: null };

// ---- Counting the visit, only with the guest's consent ----

function askConsent() {
  const given = consent();
  byId('consent').hidden = given !== null;
  byId('counting').hidden = given !== 'yes';
  if (given === 'yes') countVisit();
}

// Never awaited by the flow: the variant applies when it arrives, the guest never waits for it.
function countVisit() {
  // Reported first, so they ride with the start; a guest who said yes after searching has searched already.
  reportStep('viewed');
  if (flow.stay) reportStep('searched');
  const variants = startVisit(organization, property);
  variants.then((shown) => {
    flow.variant = shown[0] ?? null;
    applyVariant();
  });
}

function applyVariant() {
  if (flow.variant?.headline && flow.property) byId('property-name').textContent = flow.variant.headline;
  if (flow.availability && !byId('rooms').hidden) renderRooms(flow.availability);
}

byId('consent-yes').addEventListener('click', () => {
  answer(true);
  askConsent();
});

byId('consent-no').addEventListener('click', () => {
  answer(false);
  askConsent();
});

byId('stop-counting').addEventListener('click', () => {
  answer(false);
  askConsent();
});

function show(step) {
  for (const name of steps) byId(name).hidden = name !== step && !(step === 'rooms' && name === 'search');
  for (const item of document.querySelectorAll('.steps li')) {
    const current = item.dataset.step === step || (step === 'done' && item.dataset.step === 'confirm');
    if (current) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
  }
  showError(error, null);
}

async function start() {
  try {
    flow.property = await get(`${api}/properties/${encodeURIComponent(property)}`);
  } catch (e) {
    showError(error, e);
    byId('search').hidden = true;
    return;
  }
  const settings = flow.property.settings;
  document.title = `Book · ${settings.name}`;
  byId('property-name').textContent = flow.variant?.headline ?? settings.name;
  byId('property-meta').textContent = `Check-in from ${settings.checkInTime.slice(0, 5)} · check-out by ${settings.checkOutTime.slice(0, 5)} · prices in ${settings.currency}`;
  const today = todayIn(settings.timeZone);
  const form = byId('search-form');
  form.checkIn.min = today;
  form.checkOut.min = addDays(today, 1);
  form.checkIn.value = addDays(today, 1);
  form.checkOut.value = addDays(today, 3);
  form.checkIn.addEventListener('change', () => {
    if (form.checkOut.value <= form.checkIn.value) form.checkOut.value = addDays(form.checkIn.value, 1);
    form.checkOut.min = addDays(form.checkIn.value, 1);
  });
  show('search');
  askConsent();
}

byId('search-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const stay = { checkIn: form.checkIn.value, checkOut: form.checkOut.value, guests: Number(form.guests.value) };
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const counted = searchCountedInVisit();
    const availability = await get(`${api}/properties/${encodeURIComponent(property)}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}&guests=${stay.guests}`, { headers: counted ?? undefined });
    flow.stay = stay;
    flow.availability = availability;
    reportStep('searched');
    renderRooms(availability);
    show('rooms');
  } catch (failure) {
    showError(error, failure);
  } finally {
    button.disabled = false;
  }
});

function renderRooms(availability) {
  const { stay } = flow;
  const nights = nightsBetween(stay.checkIn, stay.checkOut);
  byId('rooms-stay').textContent = `${formatStay(stay.checkIn, stay.checkOut)} · ${stay.guests} guest${stay.guests === 1 ? '' : 's'}`;
  const free = ordered(availability.roomTypes.filter((t) => t.freeRooms > 0));
  const roomsLeft = flow.variant?.showRoomsLeft ?? true;
  if (free.length === 0) {
    // The search only lists room types that sleep the party, so "none" may mean none that large.
    byId('room-list').replaceChildren(h('li', { class: 'muted' }, `No room for ${stay.guests} guest${stay.guests === 1 ? '' : 's'} is free for all of those nights. Try other dates or fewer guests per room.`));
    return;
  }
  byId('room-list').replaceChildren(...free.map((type) => h('li', { class: 'room-option' },
    h('div', {},
      h('h3', {}, type.name),
      h('p', { class: 'muted' }, `Sleeps up to ${type.maxOccupancy}`),
      type.freeRooms <= 3 && roomsLeft ? h('p', { class: 'scarce' }, `Only ${type.freeRooms} left`) : h('p', { class: 'muted' }, 'Available')),
    h('div', { class: 'price' },
      h('strong', {}, money(type.quote.total, type.quote.currency)),
      h('span', { class: 'muted' }, `${nights} night${nights === 1 ? '' : 's'} · ${money(type.quote.total / nights, type.quote.currency)} per night`)),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'primary', 'aria-label': `Choose ${type.name}`, onclick: () => choose(type) }, 'Choose')))));
  reportStep('saw-prices');
}

/** The room types in the order the visitor's A/B variant names first, then the property's own order. */
function ordered(types) {
  const order = flow.variant?.roomTypeOrder ?? [];
  const rank = (type) => {
    const at = order.indexOf(type.roomType);
    return at < 0 ? order.length : at;
  };
  return types.map((type, i) => ({ type, i })).sort((a, b) => rank(a.type) - rank(b.type) || a.i - b.i).map(({ type }) => type);
}

function choose(type) {
  flow.choice = type;
  reportStep('chose-room');
  // One key for this choice: a double click or a retry after a lost answer holds one room, not two.
  flow.key = newKey();
  byId('guest-choice').textContent = `${type.name} · ${formatStay(flow.stay.checkIn, flow.stay.checkOut)} · ${money(type.quote.total, type.quote.currency)}`;
  show('guest');
  byId('guest-name').focus();
}

byId('back-to-rooms').addEventListener('click', () => show('rooms'));

byId('guest-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    flow.held = await post(`${api}/bookings`, {
      propertyId: property,
      roomType: flow.choice.roomType,
      checkIn: flow.stay.checkIn,
      checkOut: flow.stay.checkOut,
      guests: flow.stay.guests,
      guest: { name: form.name.value.trim(), email: form.email.value.trim() },
      // Held and confirmed are counted from the booking itself, so the page cannot claim them.
      visitId: currentVisitId() ?? undefined,
    }, { idempotencyKey: flow.key });
    byId('hold-note').textContent = `We are holding a ${flow.choice.name} for you until ${time(flow.held.holdExpiresAt)}. Confirm before then to keep it.`;
    byId('held-booking').replaceChildren(bookingSummary(flow.held, flow.choice.name));
    show('confirm');
    byId('confirm-button').focus();
  } catch (failure) {
    showError(error, failure);
  } finally {
    button.disabled = false;
  }
});

byId('confirm-button').addEventListener('click', async (e) => {
  const button = e.currentTarget;
  button.disabled = true;
  try {
    const token = flow.held.guestToken;
    const confirmed = await post(`/api/guest/bookings/${encodeURIComponent(token)}/confirm`);
    const link = `${location.origin}/my-booking/${encodeURIComponent(token)}`;
    byId('confirmed-booking').replaceChildren(bookingSummary(confirmed, flow.choice.name));
    byId('private-link').href = link;
    byId('private-link').textContent = link;
    show('done');
    byId('done-title').focus();
  } catch (failure) {
    showError(error, failure);
  } finally {
    button.disabled = false;
  }
});

byId('copy-link').addEventListener('click', async (e) => {
  try {
    await navigator.clipboard.writeText(byId('private-link').href);
    e.currentTarget.textContent = 'Copied';
  } catch {
    e.currentTarget.textContent = 'Select the link above to copy it';
  }
});

start();
