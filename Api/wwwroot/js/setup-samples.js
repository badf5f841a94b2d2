// Sample bookings from the wizard's last step: a week of made-up guests to try the board with, and
// the one click that takes them all away (the API cancels them, which frees their nights).
import { get, post, request, showError } from './api.js';

const $ = (id) => document.getElementById(id);

export function wireSamples({ path }) {
  const status = $('sample-status');
  const add = $('add-samples');
  const remove = $('remove-samples');
  const alert = status.parentElement.querySelector('[data-error]');

  function showCount(count) {
    remove.hidden = count === 0;
    remove.textContent = `Remove sample bookings (${count})`;
  }

  async function act(button, action) {
    add.disabled = true;
    remove.disabled = true;
    try {
      status.textContent = await action();
      showError(alert, null);
    } catch (refusal) {
      showError(alert, refusal);
    } finally {
      add.disabled = false;
      remove.disabled = false;
      button.focus();
    }
  }

  add.addEventListener('click', () => act(add, async () => {
    const change = await post(`${path()}/sample-bookings`);
    showCount((await get(`${path()}/sample-bookings`)).count);
    return change.added === 0
      ? 'No free nights left in the coming week for sample bookings.'
      : `Added ${change.added} sample booking${change.added === 1 ? '' : 's'} over the coming week.`;
  }));

  remove.addEventListener('click', () => act(add, async () => {
    const change = await request('DELETE', `${path()}/sample-bookings`);
    showCount(0);
    return `Removed ${change.removed} sample booking${change.removed === 1 ? '' : 's'}; their nights are free again.`;
  }));

  return {
    async enter() {
      try {
        showCount((await get(`${path()}/sample-bookings`)).count);
      } catch (refusal) {
        showError(alert, refusal);
      }
    },
  };
}
