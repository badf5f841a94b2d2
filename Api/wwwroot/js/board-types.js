// Rooms grouped by room type, as a front desk sells them: each group opens with a row that says, per
// night, how many rooms of the type are still free and at what rate, so "do we have a double on
// Friday, and for how much?" is answered without counting bars.
import { formatDay, money } from './dates.js';
import { h } from './dom.js';

/** Bookings that take a room's night on the board (cancelled, expired and no-shows are gone from it). */
const taking = new Set(['Held', 'Confirmed', 'CheckedIn', 'CheckedOut']);

const byRoomName = (a, b) => a.name.localeCompare(b.name, undefined, { numeric: true });

/** A room type from the snapshot or a RoomTypeSaved event; its overrides are those of the nights shown. */
export function roomType(type, overrides = []) {
  return {
    id: type.id,
    name: type.name,
    nightlyRate: type.nightlyRate,
    maxOccupancy: type.maxOccupancy ?? null,
    extraGuestCharge: type.extraGuestCharge ?? 0,
    includedGuests: type.includedGuests ?? null,
    overrides: new Map(overrides.map((o) => [o.night, o.nightlyRate])),
  };
}

/** The rate of one night: the night's own, or the type's standard rate. */
export const rateOf = (type, night) => type.overrides.get(night) ?? type.nightlyRate;

/** NightlyRatesChanged: nights [from, to) get a rate of their own, or (null) the standard one again. */
export function setRates(type, from, to, nightlyRate, addDays) {
  for (let night = from; night < to; night = addDays(night, 1)) {
    if (nightlyRate === null || nightlyRate === undefined) type.overrides.delete(night);
    else type.overrides.set(night, nightlyRate);
  }
}

/**
 * The board's rows from the top: per room type (in the property's order, then any type the board
 * has not been told of), its header and its rooms by name, numbers in numeric order (2 before 10).
 */
export function groups(roomTypes, rooms) {
  const byType = new Map([...roomTypes.keys()].map((id) => [id, []]));
  for (const room of rooms.values()) {
    if (!byType.has(room.roomType)) byType.set(room.roomType, []);
    byType.get(room.roomType).push(room);
  }
  return [...byType]
    .filter(([, members]) => members.length > 0)
    .map(([id, members]) => ({
      type: roomTypes.get(id) ?? roomType({ id, name: id, nightlyRate: null }),
      rooms: members.sort(byRoomName),
    }));
}

/** Rooms of a group free on a night: not out of order, not blocked, and with no stay (held or sold) that night. */
export function freeRooms(group, night, bookings, blocked = new Set()) {
  const taken = new Set(blocked);
  for (const booking of bookings) {
    if (taking.has(booking.status) && booking.checkIn <= night && night < booking.checkOut) taken.add(booking.roomId);
  }
  return group.rooms.filter((room) => room.housekeeping !== 'OutOfOrder' && !taken.has(room.id)).length;
}

/** The group's header in the room column: the type, how many it sleeps, its standard rate and any extra-guest charge. */
export function typeHeader(type, currency) {
  const sleeps = type.maxOccupancy ? `Sleeps ${type.maxOccupancy}` : null;
  const rate = type.nightlyRate === null ? null : `${money(type.nightlyRate, currency)} a night`;
  const extra = type.extraGuestCharge > 0 ? `+${money(type.extraGuestCharge, currency)} a guest over ${type.includedGuests}` : null;
  const meta = [sleeps, rate, extra].filter(Boolean).join(' · ');
  return h('div', { class: 'type-row', dataset: { type: type.id }, title: `${type.name}: ${meta}` },
    h('span', { class: 'name' }, type.name),
    h('span', { class: 'type-meta' }, meta));
}

/** One night of a group's header row; its text is set by showFree, after every change to the bars. */
export function freeCell(type, night, index, classes) {
  return h('div', {
    class: `free${classes}`,
    style: { gridColumn: `${index + 2}` },
    dataset: { type: type.id, night },
  }, h('strong', { class: 'count' }), h('span', { class: 'rate' }));
}

/**
 * Writes each night's free rooms and rate into the group rows; a night with none left is marked sold
 * out. blockedOn(night) names the rooms a dated block keeps off sale that night.
 */
export function showFree(board, allGroups, bookings, currency, blockedOn = () => new Set()) {
  const stays = [...bookings];
  for (const group of allGroups) {
    for (const cell of board.querySelectorAll(`.free[data-type="${CSS.escape(group.type.id)}"]`)) {
      const night = cell.dataset.night;
      const free = freeRooms(group, night, stays, blockedOn(night));
      const rate = rateOf(group.type, night);
      cell.querySelector('.count').textContent = String(free);
      cell.querySelector('.rate').textContent = rate === null ? '' : money(rate, currency).replace(/\.00$/, '');
      cell.classList.toggle('sold-out', free === 0);
      const priced = rate === null ? '' : ` at ${money(rate, currency)}`;
      cell.title = `${group.type.name}, ${formatDay(night)}: ${free} of ${group.rooms.length} free${priced}`;
      cell.setAttribute('aria-label', cell.title);
    }
  }
}
