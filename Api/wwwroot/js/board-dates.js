// Changing a stay's nights from the board: whether by dragging a bar's edge, by the keyboard or from the
// booking's menu, the desk first sees the new nights and the new price beside the old ones, and only
// "Save new dates" changes the booking. The price is the property's quote for the room type, the same
// pricing the booking is repriced with when it is saved.
import { get, put, showError } from './api.js';
import { formatStay, money } from './dates.js';
import { h } from './dom.js';

export class DateChange {
  /**
   * @param api the organization's API path; property the property's id
   * @param closed called when the dialog closes (saved or not), so the board redraws the bar from its model
   */
  constructor({ api, property, closed }) {
    this.api = api;
    this.property = property;
    this.dialog = document.getElementById('change-dates');
    this.guest = document.getElementById('change-dates-guest');
    this.details = document.getElementById('change-dates-details');
    this.error = document.getElementById('change-dates-error');
    this.save = document.getElementById('change-dates-save');
    this.wanted = null;
    this.save.addEventListener('click', () => this.commit());
    this.dialog.addEventListener('close', () => {
      this.wanted = null;
      closed();
    });
  }

  /** Shows the booking's nights and price now and after the change, asking the property for the new price. */
  async review(booking, roomType, roomName, checkIn, checkOut) {
    this.wanted = { id: booking.id, checkIn, checkOut };
    const currency = booking.currency;
    this.guest.textContent = `${booking.guestName || 'Guest'} · ${roomName}`;
    this.rows([
      ['Now', formatStay(booking.checkIn, booking.checkOut)],
      ['Price now', booking.total === null ? '—' : money(booking.total, currency)],
      ['New nights', formatStay(checkIn, checkOut)],
      ['New price', 'Asking the property…'],
    ]);
    showError(this.error, null);
    this.save.disabled = true;
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const query = new URLSearchParams({ roomType, checkIn, checkOut, guests: String(booking.guests ?? 1) });
      const quote = await get(`${this.api}/properties/${encodeURIComponent(this.property)}/quote?${query}`);
      if (this.wanted?.id !== booking.id || this.wanted.checkIn !== checkIn || this.wanted.checkOut !== checkOut) return;
      const difference = booking.total === null ? null : quote.total - booking.total;
      this.rows([
        ['Now', formatStay(booking.checkIn, booking.checkOut)],
        ['Price now', booking.total === null ? '—' : money(booking.total, currency)],
        ['New nights', formatStay(checkIn, checkOut)],
        ['New price', money(quote.total, quote.currency)],
        ['Difference', difference === null ? '—' : `${difference > 0 ? '+' : ''}${money(difference, quote.currency)}`],
      ]);
      this.save.disabled = false;
      this.save.focus();
    } catch (error) {
      showError(this.error, error);
    }
  }

  rows(pairs) {
    this.details.replaceChildren(...pairs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', { dataset: { term } }, value)]));
  }

  /** Saves the new nights; the room may have been taken meanwhile, which the API says and the dialog shows. */
  async commit() {
    const wanted = this.wanted;
    if (!wanted) return;
    this.save.disabled = true;
    try {
      await put(`${this.api}/bookings/${encodeURIComponent(wanted.id)}/dates`, { checkIn: wanted.checkIn, checkOut: wanted.checkOut });
      this.dialog.close();
    } catch (error) {
      showError(this.error, error);
      this.save.disabled = false;
    }
  }
}
