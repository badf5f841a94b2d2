// The live room board: loads rooms and bookings once, then applies every change from the hub in place.
// It is the hotel team's page, so it asks for a sign-in first; the browser's sign-in cookie goes with every call.
import { ApiError, get, post, put, showError, whenSignInEnds } from './api.js';
import { addDays, formatDay, formatStay, isWeekend, money, nightsBetween, time } from './dates.js';
import { h, newKey } from './dom.js';
import { BoardFeed } from './board-feed.js';
import { DateChange } from './board-dates.js';
import { edgeAt, stretch } from './board-stretch.js';
import { freeCell, groups, roomType, setRates, showFree, typeHeader } from './board-types.js';
import { findBookings, plain } from './board-search.js';
import { renderDesk } from './board-desk.js';
import { applyBlockEvent, blockedOn, renderBlocks, resetBlocks } from './board-blocks.js';
import { blockButton, blockLabel, RoomBlocking } from './board-block-dialogs.js';
import { currentAccount, signInWith, signOut } from './session.js';
import { isUnassigned, keptRoom, placeUnassigned, unassignedLine } from './board-unassigned.js';
import { missingPropertyAddress } from './board-address.js';

const query = new URLSearchParams(location.search);
const organization = query.get('org') || 'demo';
const property = query.get('property') || 'harbour-view';
const api = `/api/orgs/${encodeURIComponent(organization)}`;

const statusNames = { Held: 'Held', Confirmed: 'Confirmed', CheckedIn: 'In house', CheckedOut: 'Checked out' };
const housekeepingNames = { Clean: 'Clean', Inspected: 'Inspected', Dirty: 'Dirty', OutOfOrder: 'Out of order' };
const movable = new Set(['Held', 'Confirmed']);
const zooms = [7, 14, 30];

// The nights the manager chose to see, kept in the address (?from=&nights=) so a reload, a bookmark
// or a link sent to a colleague opens the same nights. No 'from' means "from today", whatever day that is.
const shown = {
  from: query.get('from') || null,
  nights: zooms.includes(Number(query.get('nights'))) ? Number(query.get('nights')) : 14,
};

const elements = {
  board: document.getElementById('board'),
  name: document.getElementById('property-name'),
  meta: document.getElementById('property-meta'),
  tonight: document.getElementById('tonight'),
  connection: document.getElementById('connection'),
  connectionText: document.getElementById('connection-text'),
  notice: document.getElementById('notice'),
  newBooking: document.getElementById('new-booking'),
  newBookingForm: document.getElementById('new-booking-form'),
  newBookingRoom: document.getElementById('new-booking-room'),
  newBookingError: document.getElementById('new-booking-error'),
  menu: document.getElementById('booking-menu'),
  menuTitle: document.getElementById('booking-menu-title'),
  menuDetails: document.getElementById('booking-menu-details'),
  menuActions: document.getElementById('booking-menu-actions'),
  menuError: document.getElementById('booking-menu-error'),
  moveForm: document.getElementById('move-form'),
  moveRoom: document.getElementById('move-room'),
  datesForm: document.getElementById('dates-form'),
  signIn: document.getElementById('sign-in'),
  signInWhy: document.getElementById('sign-in-why'),
  signInForm: document.getElementById('sign-in-form'),
  signInError: document.getElementById('sign-in-error'),
  boardArea: document.getElementById('board-area'),
  range: document.getElementById('range'),
  account: document.getElementById('account'),
  firstNight: document.getElementById('first-night'),
  zoom: document.querySelectorAll('.zoom button'),
  rangeError: document.getElementById('range-error'),
  find: document.getElementById('find'),
  findText: document.getElementById('find-text'),
  findResult: document.getElementById('find-result'),
  desk: document.getElementById('desk'),
  deskToggle: document.getElementById('desk-toggle'),
  deskError: document.getElementById('desk-error'),
  accountEmail: document.getElementById('account-email'),
};

// What the board shows; changed only by a snapshot and by events, applied in sequence order.
const model = {
  name: '',
  timeZone: '',
  currency: 'EUR',
  today: '',
  from: '',
  to: '',
  roomTypes: new Map(),
  rooms: new Map(),
  bookings: new Map(),
  withTodaysLists: false,
};

let changed = new Set();
let dragging = null;
// While an edge is being dragged, and the moment after, the bar is neither moved to a room nor opened.
let stretching = false;
// The board's lines as renderGrid laid them out: the room type groups, each room's line, and the rooms' order from the top.
let layout = { groups: [], lines: new Map(), order: new Map(), unassigned: new Map() };
let menuBooking = null;
let newBookingRoom = null;
let newBookingKey = null;
let barsQueued = false;
let signedIn = false;
let loads = 0;
let asked = '';
let foundAt = -1;

const feed = new BoardFeed({
  organization,
  property,
  onEvent: apply,
  onFigures: showTonight,
  onState: showState,
  onUnauthorized: () => showSignIn('Your sign-in has ended. Sign in again to see the board live.'),
  // The server's log is not the one this board followed (restarted in memory, restored): start over from a snapshot.
  onBehind: () => load(),
});

/** Tonight's figures in the header: what the desk asks first thing (sold, arriving, leaving, in house). */
function showTonight(figures) {
  const toSell = figures.rooms - figures.outOfOrder;
  const parts = [
    `Tonight ${figures.roomsSold} of ${toSell} sold (${Math.round(figures.occupancy * 100)}%)`,
    `${figures.arrivals} arriving`,
    `${figures.departures} leaving`,
    `${figures.inHouse} in house`,
  ];
  if (figures.outOfOrder > 0) parts.push(`${figures.outOfOrder} out of order`);
  elements.tonight.textContent = parts.join(' · ');
  elements.tonight.hidden = false;
}

function showState(state, sequence) {
  document.body.dataset.feed = state;
  elements.connection.dataset.state = state;
  elements.connectionText.textContent = {
    'signed-out': 'Not signed in',
    connecting: 'Connecting…',
    live: `Live · event ${sequence}`,
    reconnecting: `Reconnecting… resumes after event ${sequence}`,
  }[state];
}

// ---- Signing in ----

/** Shows the sign-in form instead of the board: at first, after signing out, and when the API no longer takes the sign-in. */
function showSignIn(why) {
  signedIn = false;
  whenSignInEnds(null);
  feed.stop();
  // A dialog left open would sit over the form; what it was doing needs the sign-in again anyway.
  for (const dialog of document.querySelectorAll('dialog[open]')) dialog.close();
  showState('signed-out', 0);
  elements.tonight.hidden = true;
  showError(elements.notice, null);
  elements.boardArea.hidden = true;
  elements.range.hidden = true;
  elements.account.hidden = true;
  elements.signInWhy.textContent = why;
  showError(elements.signInError, null);
  elements.signIn.hidden = false;
  elements.signInForm.email.focus();
}

/** Shows the board for a signed-in account and loads it. */
async function showBoard(account) {
  // "/board?org=x" (a welcome mail's link, say) opens that organization's own first property.
  const elsewhere = await missingPropertyAddress(organization, query);
  if (elsewhere) {
    location.replace(elsewhere);
    return;
  }
  signedIn = true;
  whenSignInEnds(() => showSignIn('Your sign-in has ended. Sign in again to see the board live.'));
  elements.signIn.hidden = true;
  elements.accountEmail.textContent = account.email;
  elements.accountEmail.title = account.email;
  elements.account.hidden = false;
  elements.range.hidden = false;
  elements.boardArea.hidden = false;
  showState('connecting', 0);
  load();
}

signInWith(elements.signInForm, elements.signInError, showBoard);

document.getElementById('sign-out-everywhere').addEventListener('click', async (e) => {
  const button = e.currentTarget;
  button.disabled = true;
  try {
    await post('/api/sign-out-everywhere');
    showSignIn('Signed out on every browser and device: every sign-in of this account has ended. Sign in to see the board again.');
  } catch (error) {
    showError(elements.notice, error);
  } finally {
    button.disabled = false;
    button.closest('details').open = false;
  }
});

document.getElementById('sign-out').addEventListener('click', async (e) => {
  e.currentTarget.closest('details').open = false;
  showSignIn('Signed out. Sign in to see the board again.');
  try {
    await signOut();
  } catch (error) {
    showError(elements.signInError, error);
  }
});

// ---- Loading ----

// Today's lists need the bookings of last night (who leaves today) and tonight, whatever nights the board shows.
const deskPath = (today) => `${api}/properties/${encodeURIComponent(property)}/board?from=${addDays(today, -1)}&to=${addDays(today, 1)}`;
const boardPath = (from) => `${api}/properties/${encodeURIComponent(property)}/board${from ? `?from=${from}&to=${addDays(from, shown.nights)}` : ''}`;

/** Loads a snapshot of the nights shown and follows the hub from the sequence it includes. */
async function load() {
  // A retry that was waiting when the account signed out has nothing to load.
  if (!signedIn) return;
  // Only the last choice counts: a slow answer for nights clicked past must not draw over it.
  const ticket = ++loads;
  elements.board.setAttribute('aria-busy', 'true');
  // Marks in the page's performance timeline: how long the snapshot took to come, and to draw.
  performance.mark('board:asked');
  try {
    let snapshot = await get(boardPath(shown.from ?? model.today));
    // The first load knows no "today" at the property yet: the default window says it, then the zoom applies.
    if (!shown.from && nightsBetween(snapshot.from, snapshot.to) !== shown.nights) snapshot = await get(boardPath(snapshot.today));
    // Asked only while the lists are open: a board without them costs one snapshot, as before.
    const desk = elements.desk.hidden ? { bookings: [], sequence: snapshot.sequence } : await get(deskPath(snapshot.today));
    if (ticket !== loads) return;
    performance.mark('board:answered');
    model.name = snapshot.name;
    model.timeZone = snapshot.timeZone;
    model.currency = snapshot.currency;
    model.today = snapshot.today;
    model.from = snapshot.from;
    model.to = snapshot.to;
    model.roomTypes = new Map(snapshot.roomTypes.map((t) => [t.id, roomType(t, t.overrides)]));
    model.rooms = new Map(snapshot.rooms.map((r) => [r.id, { ...r }]));
    model.bookings = new Map([...desk.bookings, ...snapshot.bookings].map((b) => [b.id, { ...b }]));
    resetBlocks(snapshot.blocks);
    model.withTodaysLists = !elements.desk.hidden;
    showError(elements.notice, null);
    renderGrid();
    renderRange();
    performance.mark('board:drawn');
    // Events after the snapshot's sequence are applied on top of it, so nothing between the two is lost.
    // From the older of the two: an event both include is applied again, and says where a booking stands, so changes nothing.
    feed.follow(Math.min(snapshot.sequence, desk.sequence));
  } catch (error) {
    if (!signedIn || ticket !== loads) return;
    if (error instanceof ApiError && error.status === 400 && shown.from) {
      refuseRange(error);
      return;
    }
    showError(elements.notice, error);
    if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) setTimeout(() => load(), 3000);
  } finally {
    if (ticket === loads) elements.board.setAttribute('aria-busy', 'false');
  }
}

/** The API refused the nights asked for (a date out of its range): say why and keep the board that was shown. */
function refuseRange(error) {
  const why = Object.values(error.fields).flat().join(' ') || error.message;
  showError(elements.rangeError, { message: `The board cannot show nights from ${shown.from}: ${why}` });
  elements.firstNight.setAttribute('aria-invalid', 'true');
  shown.from = model.from && model.from !== model.today ? model.from : null;
  // A bad date in the address on the first load: show today's nights under the message instead of nothing.
  if (!model.from) load();
}

/** Sets the zoom and the date picker to what is shown, and the address to match, so a reload shows the same. */
function renderRange() {
  elements.firstNight.value = model.from;
  elements.firstNight.removeAttribute('aria-invalid');
  for (const button of elements.zoom) button.setAttribute('aria-pressed', String(Number(button.dataset.nights) === shown.nights));
  const address = new URL(location.href);
  if (shown.from && model.from !== model.today) address.searchParams.set('from', model.from);
  else address.searchParams.delete('from');
  if (shown.nights !== 14) address.searchParams.set('nights', String(shown.nights));
  else address.searchParams.delete('nights');
  history.replaceState(null, '', address);
}

/** Shows other nights: a zoom, a date picked, earlier or later, today. */
function show(change) {
  Object.assign(shown, change);
  showError(elements.rangeError, null);
  load();
}

// ---- Live changes ----

function apply(event) {
  const d = event.data;
  switch (event.type) {
    case 'BookingHeld':
      upsert(d.bookingId, {
        roomId: d.roomId, checkIn: d.checkIn, checkOut: d.checkOut, status: 'Held',
        guestName: d.guestName, total: d.total, currency: d.currency, holdExpiresAt: d.holdExpiresAt, guests: d.guests ?? null,
        unassigned: d.unassigned ?? false,
      });
      break;
    case 'BookingRoomAssigned':
      upsert(d.bookingId, { roomId: d.roomId, unassigned: false });
      break;
    case 'BookingPaid':
    case 'BookingRefunded':
      upsert(d.bookingId, { paid: d.paid });
      break;
    case 'BookingConfirmed':
      upsert(d.bookingId, { roomId: d.roomId, checkIn: d.checkIn, checkOut: d.checkOut, status: 'Confirmed', holdExpiresAt: null });
      break;
    case 'GuestCheckedIn':
      upsert(d.bookingId, { roomId: d.roomId, checkIn: d.checkIn, checkOut: d.checkOut, status: 'CheckedIn' });
      break;
    case 'GuestCheckedOut':
      // The room keeps the nights slept: up to the departure day, and at least the first night.
      upsert(d.bookingId, {
        roomId: d.roomId, checkIn: d.checkIn, status: 'CheckedOut',
        checkOut: d.departed > d.checkIn ? d.departed : addDays(d.checkIn, 1),
      });
      break;
    case 'BookingMoved':
      upsert(d.bookingId, { roomId: d.toRoomId, checkIn: d.checkIn, checkOut: d.checkOut });
      break;
    case 'BookingDatesChanged':
      upsert(d.bookingId, { roomId: d.roomId, checkIn: d.checkIn, checkOut: d.checkOut, total: d.total });
      break;
    case 'BookingCancelled':
    case 'BookingExpired':
    case 'GuestNoShow':
      model.bookings.delete(d.bookingId);
      changed.add(d.bookingId);
      queueBars();
      break;
    case 'RoomStatusChanged':
      if (model.rooms.has(d.roomId)) {
        model.rooms.get(d.roomId).housekeeping = d.to;
        renderRoom(d.roomId);
        renderFree();
      }
      break;
    case 'RoomAdded':
      model.rooms.set(d.roomId, { id: d.roomId, name: d.name, roomType: d.roomType, housekeeping: 'Clean' });
      renderGrid();
      break;
    case 'RoomRenamed':
      if (model.rooms.has(d.roomId)) {
        model.rooms.get(d.roomId).name = d.name;
        renderRoom(d.roomId);
      }
      break;
    case 'RoomRetired':
      model.rooms.delete(d.roomId);
      renderGrid();
      break;
    case 'RoomTypeSaved':
      // A new standard rate leaves the nights priced on their own as they are.
      model.roomTypes.set(d.roomType.id, { ...roomType(d.roomType), overrides: model.roomTypes.get(d.roomType.id)?.overrides ?? new Map() });
      renderGrid();
      break;
    case 'NightlyRatesChanged':
      if (model.roomTypes.has(d.roomType)) {
        setRates(model.roomTypes.get(d.roomType), d.from, d.to, d.nightlyRate, addDays);
        renderFree();
      }
      break;
    case 'PropertySettingsChanged':
      model.name = d.settings.name;
      renderTitle();
      break;
    default:
      if (applyBlockEvent(event)) queueBars();
      break;
  }
}

/** Sets what an event says a booking now is; events say where it stands, so applying one again changes nothing. */
function upsert(id, fields) {
  const booking = model.bookings.get(id);
  if (booking) {
    Object.assign(booking, fields);
  } else {
    model.bookings.set(id, { id, guestName: '', total: null, currency: model.currency, guests: null, paid: 0, ...fields });
    if (!fields.guestName) fillDetails(id);
  }
  changed.add(id);
  queueBars();
  if (menuBooking === id) renderMenu();
}

/** A booking first seen through an event that does not name the guest (it began before this board's nights): ask once. */
async function fillDetails(id) {
  try {
    const view = await get(`${api}/bookings/${encodeURIComponent(id)}`);
    const booking = model.bookings.get(id);
    if (booking) {
      booking.guestName = view.guest.name;
      booking.total = view.total;
      booking.currency = view.currency;
      booking.guests = view.guests ?? null;
      booking.paid = view.paid ?? 0;
      queueBars();
    }
  } catch {
    // The bar shows without a name; the next change to it brings none either, but nothing is wrong.
  }
}

// ---- Rendering ----

const nightsShown = () => nightsBetween(model.from, model.to);
const typeName = (id) => model.roomTypes.get(id)?.name ?? id;
const nightAt = (index) => addDays(model.from, index);

function renderTitle() {
  document.title = `${model.name} · Room board`;
  elements.name.textContent = model.name;
  elements.meta.textContent = `${model.rooms.size} room${model.rooms.size === 1 ? '' : 's'} · ${formatDay(model.from)} – ${formatDay(addDays(model.to, -1))} · ${model.timeZone}`;
}

/** Rebuilds the whole grid: on a snapshot, and when rooms come or go. */
function renderGrid() {
  renderTitle();
  const nights = nightsShown();
  const board = elements.board;
  board.style.setProperty('--nights', nights);
  board.dataset.zoom = String(shown.nights);
  board.style.setProperty('--shading', shading());
  const header = h('div', { class: 'line nights-line' }, h('div', { class: 'corner' }, 'Room'));
  for (let i = 0; i < nights; i++) {
    const night = nightAt(i);
    header.append(h('div', {
      class: `night${dayClasses(night)}`,
      style: { gridColumn: `${i + 2}` },
      title: formatDay(night, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
      dataset: { night },
    }, h('span', { class: 'weekday' }, night === model.today ? 'Today' : formatDay(night, { weekday: 'short' })),
    h('strong', {}, h('span', { class: 'day' }, formatDay(night, { day: 'numeric' })), h('span', { class: 'month' }, ` ${formatDay(night, { month: 'short' })}`))));
  }
  const lines = [header];
  if (model.rooms.size === 0) lines.push(h('p', { class: 'empty' }, 'This property has no rooms yet.'));
  // A line per room type (its free rooms each night), then a line per room of the type. Each line is
  // its own grid with the board's columns, so the browser can skip the lines scrolled out of view.
  layout = { groups: groups(model.roomTypes, model.rooms), lines: new Map(), order: new Map(), unassigned: new Map() };
  for (const group of layout.groups) {
    const typeLine = h('div', { class: 'line type-line' }, typeHeader(group.type, model.currency));
    for (let i = 0; i < nights; i++) typeLine.append(freeCell(group.type, nightAt(i), i, dayClasses(nightAt(i))));
    lines.push(typeLine);
    const waiting = unassignedLine(group.type, autoAssign);
    layout.unassigned.set(group.type.id, waiting);
    lines.push(waiting);
    for (const room of group.rooms) {
      const line = h('div', { class: 'line room-line', dataset: { room: room.id } }, roomHeader(room));
      line.append(lane(room));
      layout.lines.set(room.id, line);
      layout.order.set(room.id, layout.order.size);
      lines.push(line);
    }
  }
  board.replaceChildren(...lines);
  renderBars();
}

const dayClasses = (night) => `${isWeekend(night) ? ' weekend' : ''}${night === model.today ? ' today' : ''}`;

/** Each room type's free rooms per night: after every change to bookings, rates or housekeeping. */
function renderFree() {
  showFree(elements.board, layout.groups, model.bookings.values(), model.currency, blockedOn);
}

function roomHeader(room) {
  const select = h('select', {
    'aria-label': `Housekeeping for ${room.name}`,
    dataset: { housekeeping: room.housekeeping, key: `hk:${room.id}` },
    onchange: (e) => setHousekeeping(room.id, e.target.value, e.target),
  }, Object.entries(housekeepingNames).map(([value, label]) => h('option', { value, selected: value === room.housekeeping }, label)));
  return h('div', { class: 'room', dataset: { room: room.id } },
    h('span', { class: 'name' }, room.name),
    select,
    blockButton(room));
}

/** Updates one room's header in place, so an open menu or focus elsewhere is left alone. */
function renderRoom(roomId) {
  const room = model.rooms.get(roomId);
  const header = elements.board.querySelector(`.room[data-room="${CSS.escape(roomId)}"]`);
  if (!room || !header) return;
  header.querySelector('.name').textContent = room.name;
  const select = header.querySelector('select');
  select.value = room.housekeeping;
  select.dataset.housekeeping = room.housekeeping;
  select.setAttribute('aria-label', `Housekeeping for ${room.name}`);
  header.querySelector('.block-nights')?.setAttribute('aria-label', blockLabel(room.name));
}

/**
 * A room's nights under its bars: one element per room rather than one per night (a month of 200
 * rooms would be 6,000). A click books the night under the pointer; from the keyboard it books from
 * tonight, or the first night shown, and the desk picks the dates in the form.
 */
function lane(room) {
  return h('button', { type: 'button', class: 'lane', 'aria-label': `Book ${room.name}`, dataset: { room: room.id, key: `lane:${room.id}` } });
}

/** Tonight when the board shows it, else the first night shown: where the keyboard books or blocks from. */
const firstNight = () => (model.from <= model.today && model.today < model.to ? model.today : model.from);

function nightUnder(lane, e) {
  if (e.detail === 0) return firstNight();
  const box = lane.getBoundingClientRect();
  const index = Math.floor((e.clientX - box.left) / (box.width / nightsShown()));
  return nightAt(Math.min(Math.max(index, 0), nightsShown() - 1));
}

/** Weekends and tonight tinted across every lane: one background, set once per drawing of the grid. */
function shading() {
  const stops = [];
  for (let i = 0; i < nightsShown(); i++) {
    const night = nightAt(i);
    const tint = night === model.today ? 'var(--today-tint)' : isWeekend(night) ? 'var(--weekend-tint)' : 'transparent';
    stops.push(`${tint} calc(${i} * var(--night-width)) calc(${i + 1} * var(--night-width))`);
  }
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

// One set of listeners for all lanes and bars, rather than several on each of a month's thousands.
const laneOf = (e) => e.target.closest?.('.lane');
const barOfEvent = (e) => e.target.closest?.('.bar');
elements.board.addEventListener('click', (e) => {
  const target = laneOf(e);
  if (target) openNewBooking(target.dataset.room, nightUnder(target, e));
  const stay = barOfEvent(e);
  if (stay && !stretching) openMenu(stay.dataset.booking);
});
elements.board.addEventListener('dragover', (e) => {
  const target = laneOf(e);
  const booking = dragging && model.bookings.get(dragging);
  // An unassigned booking may be dropped on the room kept for it too: that assigns it there.
  if (target && booking && (isUnassigned(booking) || booking.roomId !== target.dataset.room)) {
    e.preventDefault();
    target.classList.add('drop');
  }
});
elements.board.addEventListener('dragleave', (e) => laneOf(e)?.classList.remove('drop'));
elements.board.addEventListener('drop', (e) => {
  const target = laneOf(e);
  if (!target) return;
  e.preventDefault();
  target.classList.remove('drop');
  const id = dragging;
  dragging = null;
  if (!id) return;
  const placing = isUnassigned(model.bookings.get(id) ?? {}) ? assign : move;
  placing(id, target.dataset.room).catch((error) => showError(elements.notice, error));
});
elements.board.addEventListener('dragstart', (e) => {
  const stay = barOfEvent(e);
  if (!stay) return;
  // A press on a bar's edge changes its nights; only the rest of the bar drags it to another room.
  if (stretching) {
    e.preventDefault();
    return;
  }
  dragging = stay.dataset.booking;
  e.dataTransfer.setData('text/plain', dragging);
  e.dataTransfer.effectAllowed = 'move';
});
elements.board.addEventListener('dragend', () => {
  dragging = null;
});
elements.board.addEventListener('pointerdown', (e) => {
  const stay = barOfEvent(e);
  if (!stay || e.button !== 0 || stay.getAttribute('draggable') !== 'true') return;
  const edge = edgeAt(e, stay, stay.classList.contains('clipped-start'), stay.classList.contains('clipped-end'));
  if (edge) startStretch(e, stay, edge);
});
elements.board.addEventListener('keydown', (e) => {
  const stay = barOfEvent(e);
  if (!stay || stay.getAttribute('draggable') !== 'true' || !e.shiftKey || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
  e.preventDefault();
  const booking = model.bookings.get(stay.dataset.booking);
  const checkOut = addDays(booking.checkOut, e.key === 'ArrowRight' ? 1 : -1);
  if (checkOut > booking.checkIn) reviewDates(booking.id, booking.checkIn, checkOut);
});

function queueBars() {
  if (barsQueued) return;
  barsQueued = true;
  // Many events in a burst (a replay after reconnecting) redraw once.
  requestAnimationFrame(() => {
    barsQueued = false;
    renderBars();
  });
}

/** Redraws the booking bars only: the cells and room headers underneath stay as they are. */
function renderBars() {
  const board = elements.board;
  const focused = document.activeElement?.dataset?.key;
  board.querySelectorAll('.bar').forEach((bar) => bar.remove());
  const nights = nightsShown();
  for (const booking of model.bookings.values()) {
    const line = layout.lines.get(booking.roomId);
    if (isUnassigned(booking)) continue;
    const start = nightsBetween(model.from, booking.checkIn);
    const end = nightsBetween(model.from, booking.checkOut);
    if (!line || !statusNames[booking.status] || end <= 0 || start >= nights) continue;
    line.append(bar(booking, Math.max(start, 0), Math.min(end, nights), start < 0, end > nights));
  }
  placeUnassigned({
    lanes: layout.unassigned, rooms: layout.lines, bookings: model.bookings.values(), from: model.from, nights, typeOf: (id) => model.rooms.get(id)?.roomType, draw: bar,
  });
  renderBlocks(board, { lines: layout.lines, from: model.from, nights, roomName: (id) => model.rooms.get(id)?.name ?? id });
  changed = new Set();
  renderFree();
  if (focused?.startsWith('bar:')) board.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  markFound();
  if (!elements.desk.hidden) renderTodaysLists();
}

// ---- Today's lists ----

function renderTodaysLists() {
  renderDesk(elements.desk, {
    bookings: model.bookings.values(),
    today: model.today,
    roomName: (id) => model.rooms.get(id)?.name ?? id,
    act: checkInOrOut,
  });
}

async function checkInOrOut(booking, path, button) {
  button.disabled = true;
  try {
    await post(`${api}/bookings/${encodeURIComponent(booking.id)}/${path}`);
    showError(elements.deskError, null);
  } catch (error) {
    showError(elements.deskError, error);
    button.disabled = false;
  }
  // On success the feed's event moves the guest to the next list and draws the button anew.
}

/** Opens or closes the lists; the choice is this browser's (localStorage), as a desk keeps its screen set up. */
function showTodaysLists(open) {
  elements.desk.hidden = !open;
  elements.deskToggle.setAttribute('aria-expanded', String(open));
  localStorage.setItem('board.todaysLists', open ? 'open' : 'closed');
  // Opened over a board loaded without them: last night's and tonight's bookings come with a new snapshot.
  if (open && model.today && !model.withTodaysLists) load();
  else if (open && model.today) renderTodaysLists();
}

elements.deskToggle.addEventListener('click', () => showTodaysLists(elements.desk.hidden));
showTodaysLists(localStorage.getItem('board.todaysLists') === 'open');

function bar(booking, start, end, clippedStart, clippedEnd) {
  const room = model.rooms.get(booking.roomId);
  const status = statusNames[booking.status];
  const party = booking.guests ? `, ${guestCount(booking.guests)}` : '';
  const price = booking.total === null || booking.total === undefined ? '' : `, ${money(booking.total, booking.currency || model.currency)}`;
  const where = isUnassigned(booking) ? `no room assigned (${typeName(room?.roomType)})` : room?.name ?? booking.roomId;
  const label = `${booking.guestName || 'Guest'}, ${where}, ${formatStay(booking.checkIn, booking.checkOut)}${price}, ${status}${party}`;
  const changeable = movable.has(booking.status);
  return h('button', {
    type: 'button',
    class: `bar${changed.has(booking.id) ? ' changed' : ''}${clippedStart ? ' clipped-start' : ''}${clippedEnd ? ' clipped-end' : ''}`,
    style: { gridColumn: `${start + 2} / ${end + 2}` },
    draggable: changeable ? 'true' : 'false',
    'aria-label': label,
    'aria-keyshortcuts': changeable ? 'Shift+ArrowRight Shift+ArrowLeft' : null,
    title: changeable ? `${label}. ${isUnassigned(booking) ? 'Drag it onto a room to assign it there. ' : ''}Shift+→ or Shift+← changes the check-out by a night.` : label,
    dataset: { status: booking.status, booking: booking.id, key: `bar:${booking.id}` },
  },
  h('span', { class: 'guest' }, booking.guestName || 'Guest'),
  h('span', { class: 'what' }, barDetails(booking)));
}

/** A bar's second line: a hold's minutes left, then the price, the nights and the party. */
function barDetails(booking) {
  const nights = nightsBetween(booking.checkIn, booking.checkOut);
  const parts = [];
  if (booking.status === 'Held') parts.push(holdLeft(booking.holdExpiresAt));
  else if (booking.status !== 'Confirmed') parts.push(statusNames[booking.status]);
  if (booking.total !== null && booking.total !== undefined) parts.push(balance(booking, (amount) => money(amount, booking.currency || model.currency).replace(/\.00$/, '')));
  parts.push(`${nights} night${nights === 1 ? '' : 's'}`);
  if (booking.guests) parts.push(guestCount(booking.guests));
  return parts.join(' · ');
}

/** What is left to pay: "€200 paid", "€150 due of €200", or "€200 due" before any payment. */
function balance(booking, format) {
  const paid = booking.paid ?? 0;
  if (paid >= booking.total) return `${format(booking.total)} paid`;
  if (paid > 0) return `${format(booking.total - paid)} due of ${format(booking.total)}`;
  return `${format(booking.total)} due`;
}

/** "Held · 12 min": what a desk needs to know of a hold; it lapses by itself when the minutes run out. */
function holdLeft(until) {
  if (!until) return 'Held';
  const minutes = Math.ceil((Date.parse(until) - Date.now()) / 60_000);
  return minutes > 0 ? `Held · ${minutes} min` : 'Held · lapsing';
}

// A hold's minutes count down on its bar without a redraw (which would disturb a drag or the focus).
setInterval(() => {
  for (const element of elements.board.querySelectorAll('.bar[data-status="Held"] .what')) {
    const booking = model.bookings.get(element.parentElement.dataset.booking);
    if (booking) element.textContent = barDetails(booking);
  }
}, 15_000);

// ---- Changing a stay's nights ----

const dateChange = new DateChange({ api, property, closed: () => queueBars() });

// ---- Blocking a room's nights ----

new RoomBlocking({
  api,
  property,
  board: elements.board,
  roomName: (id) => model.rooms.get(id)?.name ?? id,
  roomLabel: (id) => (model.rooms.has(id) ? `${model.rooms.get(id).name} · ${typeName(model.rooms.get(id).roomType)}` : id),
  firstNight,
});

/** Pressing a bar's edge: the bar follows the pointer; on release the new nights and price are shown for saving. */
function startStretch(press, bar, edge) {
  const id = bar.dataset.booking;
  const booking = model.bookings.get(id);
  if (!booking) return;
  stretching = true;
  stretch(press, {
    board: elements.board,
    bar,
    booking,
    edge,
    firstColumn: 2,
    done: (checkIn, checkOut) => {
      reviewDates(id, checkIn, checkOut);
      setTimeout(() => { stretching = false; });
    },
    cancelled: () => setTimeout(() => { stretching = false; }),
  });
}

function reviewDates(id, checkIn, checkOut) {
  const booking = model.bookings.get(id);
  const room = model.rooms.get(booking?.roomId);
  if (!booking || !room) return;
  dateChange.review(booking, room.roomType, room.name, checkIn, checkOut);
}

function guestCount(guests) {
  return `${guests} guest${guests === 1 ? '' : 's'}`;
}

// ---- Actions ----

async function setHousekeeping(roomId, status, select) {
  select.disabled = true;
  try {
    await put(`${api}/properties/${encodeURIComponent(property)}/rooms/${encodeURIComponent(roomId)}/housekeeping`, { status });
    showError(elements.notice, null);
  } catch (error) {
    showError(elements.notice, error);
    select.value = model.rooms.get(roomId)?.housekeeping ?? select.value;
  } finally {
    select.disabled = false;
  }
}

function move(id, roomId) {
  return post(`${api}/bookings/${encodeURIComponent(id)}/move`, { roomId }).then(() => showError(elements.notice, null));
}

function assign(id, roomId) {
  return post(`${api}/bookings/${encodeURIComponent(id)}/assign`, { roomId }).then(() => showError(elements.notice, null));
}

/** Auto-assign for the desk's day (tonight, or the first night shown): each unassigned arrival keeps the room held for it. */
async function autoAssign(type, button) {
  const day = firstNight();
  button.disabled = true;
  try {
    const answer = await post(`${api}/properties/${encodeURIComponent(property)}/auto-assign`, { date: day });
    const count = answer.assigned.length;
    showError(elements.notice, count ? null : { message: `No unassigned booking arrives on ${formatDay(day, { weekday: 'long', day: 'numeric', month: 'long' })}.` });
  } catch (error) {
    showError(elements.notice, error);
  } finally {
    button.disabled = false;
  }
}

function openNewBooking(roomId, night) {
  const room = model.rooms.get(roomId);
  newBookingRoom = roomId;
  // One key per dialog: pressing the button twice, or again after a lost answer, books once.
  newBookingKey = newKey();
  const form = elements.newBookingForm;
  form.reset();
  form.checkIn.value = night;
  form.checkOut.value = addDays(night, 1);
  elements.newBookingRoom.textContent = `${room.name} · ${typeName(room.roomType)}`;
  showError(elements.newBookingError, null);
  elements.newBooking.showModal();
  form.guestName.focus();
}

elements.newBookingForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const held = await post(`${api}/bookings`, {
      propertyId: property,
      roomId: newBookingRoom,
      checkIn: form.checkIn.value,
      checkOut: form.checkOut.value,
      guests: Number(form.guests.value),
      guest: { name: form.guestName.value.trim(), email: form.guestEmail.value.trim() },
    }, { idempotencyKey: newBookingKey });
    if (held.status === 'Held') await post(`${api}/bookings/${encodeURIComponent(held.id)}/confirm`);
    elements.newBooking.close();
  } catch (error) {
    showError(elements.newBookingError, error);
  } finally {
    button.disabled = false;
  }
});

function openMenu(id) {
  menuBooking = id;
  showError(elements.menuError, null);
  renderMenu();
  elements.menu.showModal();
}

function renderMenu() {
  const booking = model.bookings.get(menuBooking);
  if (!booking) {
    elements.menuTitle.textContent = 'Booking';
    elements.menuDetails.replaceChildren(h('p', {}, 'This booking is no longer on the board: it was cancelled, expired or marked as a no-show.'));
    elements.menuActions.replaceChildren();
    elements.moveForm.hidden = true;
    elements.datesForm.hidden = true;
    return;
  }
  const room = model.rooms.get(booking.roomId);
  elements.menuTitle.textContent = booking.guestName || 'Booking';
  const rows = [
    ['Status', h('span', { class: 'status', dataset: { status: booking.status } }, statusNames[booking.status] ?? booking.status)],
    ['Room', isUnassigned(booking) ? keptRoom(booking.roomId, (id) => model.rooms.get(id)?.name ?? id) : room?.name ?? booking.roomId],
    ['Stay', formatStay(booking.checkIn, booking.checkOut)],
  ];
  if (booking.guests) rows.push(['Guests', guestCount(booking.guests)]);
  if (booking.total !== null && booking.total !== undefined) {
    const currency = booking.currency || model.currency;
    rows.push(['Total', money(booking.total, currency)]);
    rows.push(['Paid', money(booking.paid ?? 0, currency)]);
    rows.push(['Balance due', money(Math.max(booking.total - (booking.paid ?? 0), 0), currency)]);
  }
  if (booking.status === 'Held' && booking.holdExpiresAt) rows.push(['Hold until', time(booking.holdExpiresAt)]);
  elements.menuDetails.replaceChildren(h('dl', {}, rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])));

  const actions = [];
  const action = (label, path, options = {}) => h('button', {
    type: 'button',
    class: options.danger ? 'danger' : 'primary',
    onclick: (e) => act(e.currentTarget, path, options.ask),
  }, label);
  if (isUnassigned(booking)) actions.push(action(`Assign ${room?.name ?? booking.roomId}`, 'assign'));
  if (booking.status === 'Held') actions.push(action('Confirm', 'confirm'));
  if (booking.status === 'Confirmed') actions.push(action('Check in', 'check-in'));
  if (booking.status === 'CheckedIn') actions.push(action('Check out', 'check-out'));
  if (movable.has(booking.status)) actions.push(action('Cancel booking', 'cancel', { danger: true, ask: `Cancel the booking of ${booking.guestName || 'this guest'}?` }));
  elements.menuActions.replaceChildren(...actions);

  elements.moveForm.hidden = !movable.has(booking.status);
  elements.datesForm.hidden = !movable.has(booking.status);
  // Filled when the menu opens for a booking, not on each live change, so what the desk typed stays.
  if (elements.datesForm.dataset.booking !== booking.id) {
    elements.datesForm.dataset.booking = booking.id;
    elements.datesForm.checkIn.value = booking.checkIn;
    elements.datesForm.checkOut.value = booking.checkOut;
  }
  const others = [...model.rooms.values()].filter((r) => r.id !== booking.roomId);
  const chosen = elements.moveRoom.value;
  elements.moveRoom.replaceChildren(...others.map((r) => h('option', { value: r.id, selected: r.id === chosen }, `${r.name} · ${typeName(r.roomType)}`)));
}

async function act(button, path, ask) {
  if (ask && !confirm(ask)) return;
  button.disabled = true;
  try {
    await post(`${api}/bookings/${encodeURIComponent(menuBooking)}/${path}`);
    showError(elements.menuError, null);
  } catch (error) {
    showError(elements.menuError, error);
  } finally {
    button.disabled = false;
  }
}

elements.datesForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const id = menuBooking;
  const { checkIn, checkOut } = e.target;
  if (checkOut.value <= checkIn.value) {
    showError(elements.menuError, { message: 'The new departure must be after the new arrival.' });
    return;
  }
  elements.menu.close();
  reviewDates(id, checkIn.value, checkOut.value);
});

elements.moveForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  const button = e.target.querySelector('button');
  button.disabled = true;
  try {
    await move(menuBooking, elements.moveRoom.value);
    elements.menu.close();
  } catch (error) {
    showError(elements.menuError, error);
  } finally {
    button.disabled = false;
  }
});

elements.menu.addEventListener('close', () => {
  menuBooking = null;
  delete elements.datesForm.dataset.booking;
});

for (const close of document.querySelectorAll('[data-close]')) {
  close.addEventListener('click', () => close.closest('dialog').close());
}

// ---- Finding a guest or a booking ----

/** The bookings on the nights shown that match what was typed, in the board's order. */
function found() {
  const rooms = layout.order;
  const onBoard = [...model.bookings.values()].filter((b) => statusNames[b.status] && b.checkIn < model.to && b.checkOut > model.from);
  return findBookings(onBoard, rooms, asked);
}

const barOf = (booking) => elements.board.querySelector(`.bar[data-booking="${CSS.escape(booking.id)}"]`);

/** Marks the bars that match and says how many; run again after every redraw, so live changes keep the marks. */
function markFound() {
  const bookings = found();
  const ids = new Set(bookings.map((b) => b.id));
  for (const bar of elements.board.querySelectorAll('.bar')) bar.classList.toggle('found', ids.has(bar.dataset.booking));
  elements.board.classList.toggle('finding', asked !== '');
  const typed = elements.findText.value.trim();
  if (!asked) elements.findResult.textContent = '';
  else if (bookings.length === 0) elements.findResult.textContent = `No guest or booking matches “${typed}” on these nights.`;
  else elements.findResult.textContent = `${bookings.length} ${bookings.length === 1 ? 'booking matches' : 'bookings match'} “${typed}”${bookings.length > 1 ? ': Enter goes to the next' : ''}.`;
  return bookings;
}

/** As the desk types: mark the matches and bring the first into view, leaving the cursor in the box. */
function findAsTyped() {
  asked = plain(elements.findText.value);
  foundAt = -1;
  const first = markFound()[0];
  if (first) barOf(first)?.scrollIntoView({ block: 'nearest', inline: 'center' });
}

/** Enter: focus the next match (the first, then round), so its actions are one more key away. */
function goToNextFound() {
  const bookings = markFound();
  if (bookings.length === 0) return;
  foundAt = (foundAt + 1) % bookings.length;
  const bar = barOf(bookings[foundAt]);
  bar?.scrollIntoView({ block: 'nearest', inline: 'center' });
  bar?.focus();
}

elements.findText.addEventListener('input', findAsTyped);
elements.find.addEventListener('submit', (e) => {
  e.preventDefault();
  asked = plain(elements.findText.value);
  goToNextFound();
});

// ---- Choosing the nights ----

document.getElementById('earlier').addEventListener('click', () => show({ from: addDays(model.from, -7) }));
document.getElementById('later').addEventListener('click', () => show({ from: addDays(model.from, 7) }));
document.getElementById('today').addEventListener('click', () => show({ from: null }));
for (const button of elements.zoom) button.addEventListener('click', () => show({ nights: Number(button.dataset.nights), from: model.from === model.today ? null : model.from }));
// 'change' fires when a whole date is picked or typed, not on every digit.
elements.firstNight.addEventListener('change', () => show({ from: elements.firstNight.value || null }));

try {
  const account = await currentAccount();
  if (account) showBoard(account);
  else showSignIn("The room board is for the hotel's team: sign in with your account.");
} catch (error) {
  showSignIn("The room board is for the hotel's team: sign in with your account.");
  showError(elements.signInError, error);
}
