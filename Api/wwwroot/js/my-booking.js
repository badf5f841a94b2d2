// The guest's private link: the booking it names, and the way to confirm or cancel it.
import { get, post, showError } from './api.js';
import { h } from './dom.js';
import { bookingSummary } from './booking-summary.js';

const token = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const api = `/api/guest/bookings/${encodeURIComponent(token)}`;
const byId = (id) => document.getElementById(id);
const error = byId('error');
const section = byId('booking');
let roomTypeName = null;

async function load() {
  try {
    render(await get(api));
  } catch (failure) {
    section.replaceChildren(h('p', {}, 'This link does not lead to a booking. Check that you copied all of it.'));
    showError(error, failure.status === 404 ? null : failure);
  } finally {
    section.setAttribute('aria-busy', 'false');
  }
}

async function render(booking) {
  if (roomTypeName === null) {
    try {
      const organization = token.split('.')[0];
      const property = await get(`/api/orgs/${encodeURIComponent(organization)}/properties/${encodeURIComponent(booking.propertyId)}`);
      document.title = `Your booking · ${property.settings.name}`;
      byId('property-name').textContent = property.settings.name;
      roomTypeName = property.roomTypes.find((t) => t.id === booking.roomType)?.name ?? booking.roomType;
    } catch {
      roomTypeName = booking.roomType;
    }
  }
  section.replaceChildren(h('h2', {}, `${booking.guest.name}, your stay`), bookingSummary(booking, roomTypeName));
  byId('confirm-button').hidden = booking.status !== 'Held';
  byId('cancel-button').hidden = !['Held', 'Confirmed'].includes(booking.status);
}

async function act(button, path, ask) {
  if (ask && !confirm(ask)) return;
  button.disabled = true;
  try {
    render(await post(`${api}/${path}`));
    showError(error, null);
  } catch (failure) {
    showError(error, failure);
  } finally {
    button.disabled = false;
  }
}

byId('confirm-button').addEventListener('click', (e) => act(e.currentTarget, 'confirm'));
byId('cancel-button').addEventListener('click', (e) => act(e.currentTarget, 'cancel', 'Cancel this booking? The cancellation policy above applies.'));

load();
