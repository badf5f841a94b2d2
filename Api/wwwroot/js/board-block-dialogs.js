// Putting a block on a room and taking it off, from the board: "Block…" in a room's header asks for
// the nights, the kind and the reason; a block on the board opens its details with "Remove block".
// Neither draws anything itself: the block comes and goes through the live feed, as every change does,
// so what the board shows is what the property holds. Kept apart from board-blocks.js, which draws them.
import { post, request, showError } from './api.js';
import { addDays, formatDay, nightsBetween } from './dates.js';
import { h } from './dom.js';
import { blockOf, kindNames } from './board-blocks.js';

/** The room header's "Block…" button's name: which room it blocks, as the header's select names its room. */
export const blockLabel = (roomName) => `Block nights in ${roomName}…`;

/** The button in a room's header that opens "Block nights" for it; the board's own listener opens it. */
export function blockButton(room) {
  return h('button', {
    type: 'button',
    class: 'block-nights',
    'aria-label': blockLabel(room.name),
    'aria-haspopup': 'dialog',
    title: blockLabel(room.name),
    dataset: { room: room.id, key: `block-nights:${room.id}` },
  }, 'Block…');
}

/** "Thu 3 Dec – Sat 5 Dec · 3 nights": a block's nights from the first to the last, as the desk says them. */
function nightsOf(from, to) {
  const nights = nightsBetween(from, to);
  const last = addDays(from, nights - 1);
  return `${from === last ? formatDay(from) : `${formatDay(from)} – ${formatDay(last)}`} · ${nights} night${nights === 1 ? '' : 's'}`;
}

export class RoomBlocking {
  /**
   * @param api the organization's API path; property the property's id; board the #board element
   * @param roomName the name of a room by its id; roomLabel its name and type, for the dialog's subtitle
   * @param firstNight the night "Block nights" offers first (tonight when shown)
   */
  constructor({ api, property, board, roomName, roomLabel, firstNight }) {
    this.path = (roomId) => `${api}/properties/${encodeURIComponent(property)}/rooms/${encodeURIComponent(roomId)}/blocks`;
    this.board = board;
    this.roomName = roomName;
    this.roomLabel = roomLabel;
    this.firstNight = firstNight;
    this.form = document.getElementById('block-nights-form');
    this.newDialog = document.getElementById('block-nights');
    this.newRoom = document.getElementById('block-nights-room');
    this.span = document.getElementById('block-nights-span');
    this.newError = document.getElementById('block-nights-error');
    this.menu = document.getElementById('block-menu');
    this.menuTitle = document.getElementById('block-menu-title');
    this.menuDetails = document.getElementById('block-menu-details');
    this.menuError = document.getElementById('block-menu-error');
    this.remove = document.getElementById('block-remove');
    this.roomId = null;
    this.open = null;

    // Delegated, as the board's own listeners are: headers and blocks are drawn again and again.
    board.addEventListener('click', (e) => {
      const button = e.target.closest?.('.block-nights');
      if (button) this.openNew(button.dataset.room);
      const block = e.target.closest?.('.block');
      if (block) this.openBlock(block.dataset.room, block.dataset.block);
    });
    // A block is a note, not a button: Enter and Space open it as a click would.
    board.addEventListener('keydown', (e) => {
      const block = e.target.closest?.('.block');
      if (!block || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      this.openBlock(block.dataset.room, block.dataset.block);
    });
    // Drawn again after every change: an open block's details follow it, and say when it has gone.
    board.addEventListener('blocksdrawn', () => {
      if (this.menu.open) this.renderMenu();
    });
    this.form.addEventListener('input', () => this.renderSpan());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.create();
    });
    this.remove.addEventListener('click', () => this.removeOpen());
    this.menu.addEventListener('close', () => {
      this.open = null;
    });
  }

  openNew(roomId) {
    this.roomId = roomId;
    const form = this.form;
    form.reset();
    form.first.value = this.firstNight();
    form.last.value = form.first.value;
    this.newRoom.textContent = this.roomLabel(roomId);
    this.invalid([]);
    showError(this.newError, null);
    this.renderSpan();
    this.newDialog.showModal();
    form.reason.focus();
  }

  /** Under the dates: how many nights, and when the room is sold again (the API's exclusive "to"). */
  renderSpan() {
    const { first, last } = this.form;
    const ok = first.value && last.value && last.value >= first.value;
    this.span.textContent = ok
      ? `${nightsOf(first.value, addDays(last.value, 1))}; on sale again from ${formatDay(addDays(last.value, 1))}.`
      : '';
  }

  /** Marks the fields the API named as wrong, so a screen reader says which when it lands on them. */
  invalid(fields) {
    const inputs = { from: this.form.first, to: this.form.last, kind: this.form.kind, reason: this.form.reason };
    for (const [field, input] of Object.entries(inputs)) {
      if (fields.includes(field)) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  }

  async create() {
    const form = this.form;
    const button = form.querySelector('button[type="submit"]');
    if (form.last.value < form.first.value) {
      this.invalid(['to']);
      showError(this.newError, { message: 'The last blocked night must be on or after the first.' });
      return;
    }
    button.disabled = true;
    try {
      // The API's "to" is the first night sold again, as a stay's check-out is.
      await post(this.path(this.roomId), {
        from: form.first.value,
        to: addDays(form.last.value, 1),
        kind: form.kind.value,
        reason: form.reason.value.trim(),
      });
      this.newDialog.close();
    } catch (error) {
      this.invalid(Object.keys(error.fields ?? {}));
      showError(this.newError, error);
    } finally {
      button.disabled = false;
    }
  }

  openBlock(roomId, id) {
    this.open = { roomId, id };
    showError(this.menuError, null);
    this.renderMenu();
    this.menu.showModal();
  }

  renderMenu() {
    const block = this.open && blockOf(this.open.roomId, this.open.id);
    if (!block) {
      // Removed from another board while this one was about to: the focus stays in the dialog.
      if (document.activeElement === this.remove) this.menu.querySelector('[data-close]').focus();
      this.remove.hidden = true;
      this.menuTitle.textContent = 'Block';
      this.menuDetails.replaceChildren(h('p', {}, 'This block is no longer on the board: it was removed.'));
      return;
    }
    this.remove.hidden = false;
    const kind = kindNames[block.kind] ?? block.kind;
    this.menuTitle.textContent = `${this.roomName(block.roomId)} · ${kind}`;
    const rows = [
      ['Room', this.roomLabel(block.roomId)],
      ['Kind', kind],
      ['Nights', nightsOf(block.from, block.to)],
      ['On sale again', formatDay(block.to)],
      ['Reason', block.reason],
    ];
    this.menuDetails.replaceChildren(h('dl', {}, rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', { dataset: { term } }, value)])));
  }

  /** Asks first, as cancelling a booking does: the nights go on sale the moment the block goes. */
  async removeOpen() {
    const block = this.open && blockOf(this.open.roomId, this.open.id);
    if (!block) return;
    const name = this.roomName(block.roomId);
    if (!confirm(`Remove the block on ${name} (${nightsOf(block.from, block.to)})? Its nights can be sold again.`)) return;
    this.remove.disabled = true;
    try {
      await request('DELETE', `${this.path(block.roomId)}/${encodeURIComponent(block.id)}`);
      this.menu.close();
      // The block under the focus is about to go with the feed's event: leave the focus in its room.
      this.board.querySelector(`.block-nights[data-room="${CSS.escape(block.roomId)}"]`)?.focus();
    } catch (error) {
      showError(this.menuError, error);
    } finally {
      this.remove.disabled = false;
    }
  }
}
