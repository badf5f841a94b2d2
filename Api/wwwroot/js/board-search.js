// Finding a booking on the board the way the desk asks for one: part of the guest's name, typed
// without capitals or accents ("lindstrom" finds "Lindström"), or the booking reference.

/** Text as the desk types it: lower case, accents dropped, spaces squeezed. */
export function plain(text) {
  return (text ?? '').normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether a booking is the one asked for: its guest's name holds the text, or its reference starts with it. */
export function isAskedFor(booking, asked) {
  if (!asked) return false;
  return plain(booking.guestName).includes(asked) || plain(booking.id).startsWith(asked);
}

/** The bookings asked for, in the board's order: room by room down the board, then by arrival. */
export function findBookings(bookings, roomOrder, asked) {
  return bookings
    .filter((b) => roomOrder.has(b.roomId) && isAskedFor(b, asked))
    .sort((a, b) => roomOrder.get(a.roomId) - roomOrder.get(b.roomId) || a.checkIn.localeCompare(b.checkIn));
}
