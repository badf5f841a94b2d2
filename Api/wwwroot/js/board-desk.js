// Today's lists beside the board: who arrives, who leaves and who is in house today at the property,
// each with the one action the desk takes next. They are drawn from the same bookings as the bars, so
// every change on the feed moves a guest from one list to the next without a reload.
import { formatDay, formatStay, nightsBetween } from './dates.js';
import { h } from './dom.js';

/** Today's arrivals (due in, not yet checked in), departures (in house, due out today or overdue) and in-house guests staying on. */
export function todaysLists(bookings, today) {
  const all = [...bookings];
  const byName = (a, b) => (a.guestName || '').localeCompare(b.guestName || '');
  return {
    arrivals: all.filter((b) => b.checkIn === today && (b.status === 'Confirmed' || b.status === 'Held')).sort(byName),
    departures: all.filter((b) => b.status === 'CheckedIn' && b.checkOut <= today).sort(byName),
    inHouse: all.filter((b) => b.status === 'CheckedIn' && b.checkOut > today).sort(byName),
  };
}

/**
 * Draws the three lists into `lists` (an element holding one <ul> per list, by data-list), naming
 * rooms with roomName(id); act(booking, 'check-in' | 'check-out', button) runs an action.
 */
export function renderDesk(lists, { bookings, today, roomName, act }) {
  const { arrivals, departures, inHouse } = todaysLists(bookings, today);
  fill(lists, 'arrivals', arrivals, 'No more arrivals today.', (b) => (b.status === 'Confirmed' ? action('Check in', 'check-in', b, act) : h('span', { class: 'muted held' }, 'Held')), roomName);
  fill(lists, 'departures', departures, 'No more departures today.', (b) => action('Check out', 'check-out', b, act), roomName);
  // A guest in house can leave early: the room keeps the nights slept and frees the rest.
  fill(lists, 'in-house', inHouse, 'Nobody in house.', (b) => action('Check out', 'check-out', b, act), roomName);
}

function fill(lists, name, bookings, none, next, roomName) {
  const list = lists.querySelector(`[data-list="${name}"]`);
  lists.querySelector(`[data-count="${name}"]`).textContent = String(bookings.length);
  // The button that had the focus is drawn again: keep the focus on the same guest's row.
  const focused = list.contains(document.activeElement) ? document.activeElement.dataset.key : null;
  list.replaceChildren(...(bookings.length === 0
    ? [h('li', { class: 'muted' }, none)]
    : bookings.map((b) => h('li', { dataset: { booking: b.id } },
      h('span', { class: 'who' }, h('strong', { title: b.guestName || 'Guest' }, b.guestName || 'Guest'), h('span', { class: 'muted', title: formatStay(b.checkIn, b.checkOut) }, stay(b, roomName))),
      next(b)))));
  if (focused) list.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
}

/** Room, nights and the day out, short enough to read beside its button. */
function stay(booking, roomName) {
  const nights = nightsBetween(booking.checkIn, booking.checkOut);
  return `${roomName(booking.roomId)} · ${nights} night${nights === 1 ? '' : 's'} · out ${formatDay(booking.checkOut, { day: 'numeric', month: 'short' })}`;
}

function action(label, path, booking, act) {
  return h('button', {
    type: 'button',
    class: 'primary',
    'aria-label': `${label} ${booking.guestName || 'guest'}`,
    dataset: { key: `${path}:${booking.id}` },
    onclick: (e) => act(booking, path, e.currentTarget),
  }, label);
}
