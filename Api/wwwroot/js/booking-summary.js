// A booking as the guest reads it, shared by the booking flow and the private link page.
import { formatStay, money } from './dates.js';
import { h } from './dom.js';

const statusNames = {
  Held: 'Held for you',
  Confirmed: 'Confirmed',
  CheckedIn: 'Checked in',
  CheckedOut: 'Checked out',
  Cancelled: 'Cancelled',
  Expired: 'Hold lapsed',
  NoShow: 'No-show',
};

export function policyText(policy, nights) {
  const fee = policy.lateFee === 'FullStay' ? 'the whole stay is charged' : 'the first night is charged';
  if (policy.freeUntilDaysBeforeArrival <= 0) return `Free cancellation until arrival; ${nights > 0 ? 'after that' : 'then'}, ${fee}.`;
  const days = policy.freeUntilDaysBeforeArrival;
  return `Free cancellation until ${days} day${days === 1 ? '' : 's'} before arrival; after that, ${fee}.`;
}

export function bookingSummary(booking, roomTypeName) {
  const rows = [
    ['Status', h('span', { class: 'status', dataset: { status: booking.status } }, statusNames[booking.status] ?? booking.status)],
    ['Guest', `${booking.guest.name} · ${booking.guest.email}`],
    ['Stay', formatStay(booking.checkIn, booking.checkOut)],
    ['Room', roomTypeName ?? booking.roomType],
    ...(booking.guests ? [['Guests', `${booking.guests} guest${booking.guests === 1 ? '' : 's'}`]] : []),
    ['Total', `${money(booking.total, booking.currency)}, paid at the property`],
    ['Cancellation', policyText(booking.cancellation, booking.nights.length)],
  ];
  if (booking.cancellationFee !== null && booking.cancellationFee !== undefined) {
    rows.push(['Fee charged', money(booking.cancellationFee, booking.currency)]);
  }
  return h('dl', { class: 'summary' }, rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}
