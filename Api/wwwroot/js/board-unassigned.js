// Bookings made by room type that the front desk has not given a room yet. Each room type gets a
// lane of them under its free-rooms row, a row per overlap, shown only while it has some. Each such
// booking holds a room the system chose (so it can never be sold twice); that room shows a light
// "kept" band instead of a bar, and dragging the booking onto any room of the board assigns it there.
import { formatStay, nightsBetween } from './dates.js';
import { h } from './dom.js';

/** A booking still waiting for its room: made by room type, held or confirmed (a guest checked in has one). */
export const isUnassigned = (booking) => booking.unassigned === true && (booking.status === 'Held' || booking.status === 'Confirmed');

/** The lane of one room type's unassigned bookings, with its "Auto-assign" for the desk's day. */
export function unassignedLine(type, autoAssign) {
  return h('div', { class: 'line unassigned-line', dataset: { type: type.id }, hidden: true },
    h('div', { class: 'room unassigned-header' },
      // The type's name is on the row just above; at 1024 px "Unassigned · Double" would be cut to "Unassigned · Dou…".
      h('span', { class: 'name', title: `${type.name}: booked by room type, no room assigned yet` }, 'Unassigned'),
      h('button', { type: 'button', class: 'auto-assign', onclick: (e) => autoAssign(type, e.currentTarget) }, 'Auto-assign')),
    h('div', { class: 'unassigned-lane' }));
}

/**
 * Puts every unassigned booking on the nights shown in its type's lane (first row free of overlap)
 * and a "kept" band in the room held for it. draw(booking, start, end, clippedStart, clippedEnd)
 * makes a booking's bar; typeOf(roomId) names a room's type.
 */
export function placeUnassigned({ lanes, rooms, bookings, from, nights, typeOf, draw }) {
  const rowsByType = new Map();
  for (const line of rooms.values()) line.querySelectorAll('.kept').forEach((kept) => kept.remove());
  const waiting = [...bookings].filter(isUnassigned).sort((a, b) => a.checkIn.localeCompare(b.checkIn) || a.id.localeCompare(b.id));
  for (const booking of waiting) {
    const start = nightsBetween(from, booking.checkIn);
    const end = nightsBetween(from, booking.checkOut);
    const lane = lanes.get(typeOf(booking.roomId));
    if (!lane || end <= 0 || start >= nights) continue;
    const rows = rowsByType.get(lane) ?? [];
    rowsByType.set(lane, rows);
    // First fit: the first row whose last booking left before this one arrives.
    let row = rows.findIndex((lastEnd) => lastEnd <= start);
    if (row < 0) row = rows.push(0) - 1;
    rows[row] = end;
    const bar = draw(booking, Math.max(start, 0), Math.min(end, nights), start < 0, end > nights);
    bar.style.gridRow = String(row + 1);
    lane.append(bar);
    const room = rooms.get(booking.roomId);
    room?.append(h('div', {
      class: 'kept',
      title: `Kept for ${booking.guestName || 'a guest'}, unassigned, ${formatStay(booking.checkIn, booking.checkOut)}`,
      style: { gridColumn: `${Math.max(start, 0) + 2} / ${Math.min(end, nights) + 2}` },
    }, `Kept for ${booking.guestName || 'a guest'}`));
  }
  for (const lane of lanes.values()) {
    const rows = rowsByType.get(lane)?.length ?? 0;
    lane.hidden = rows === 0;
    lane.style.setProperty('--rows', String(Math.max(rows, 1)));
  }
  return waiting.length;
}

/** The menu's words for an unassigned booking's room. */
export const keptRoom = (roomId, roomName) => `Unassigned (kept: ${roomName(roomId)})`;
