// Blocks on the board: nights a room is out of order or out of service, drawn as a hatched bar with
// the reason. Kept apart from board.js, which hands over the snapshot's blocks and every event and
// asks for the blocks to be drawn after its bookings; nothing here touches the grid's layout.
import { formatStay, nightsBetween } from './dates.js';
import { h } from './dom.js';

export const kindNames = { out_of_order: 'Out of order', out_of_service: 'Out of service' };

// Blocks by "room/id": a block's id is its room's own.
const blocks = new Map();
const keyOf = (roomId, id) => `${roomId}/${id}`;

/** Replaces what the board knows with a snapshot's blocks. */
export function resetBlocks(list) {
  blocks.clear();
  for (const block of list ?? []) blocks.set(keyOf(block.roomId, block.id), { ...block });
}

/** A block the board knows of, by its room and its id (null when it is gone). */
export const blockOf = (roomId, id) => blocks.get(keyOf(roomId, id)) ?? null;

/** Applies a block's event; true when the board should draw again. Applying one twice changes nothing. */
export function applyBlockEvent(event) {
  const d = event.data;
  if (event.type === 'RoomBlocked') {
    blocks.set(keyOf(d.roomId, d.blockId), { id: d.blockId, roomId: d.roomId, from: d.from, to: d.to, kind: d.kind, reason: d.reason });
    return true;
  }
  if (event.type === 'RoomUnblocked') return blocks.delete(keyOf(d.roomId, d.blockId));
  return false;
}

/** The rooms a block keeps off sale on a night (either kind: neither is sold). */
export function blockedOn(night) {
  const rooms = new Set();
  for (const block of blocks.values()) {
    if (block.from <= night && night < block.to) rooms.add(block.roomId);
  }
  return rooms;
}

/** Draws the blocks of the nights shown: lines gives each room's line of the board, from the first night, nights how many. */
export function renderBlocks(board, { lines, from, nights, roomName }) {
  const focused = document.activeElement?.dataset?.key;
  board.querySelectorAll('.block').forEach((element) => element.remove());
  for (const block of blocks.values()) {
    const line = lines.get(block.roomId);
    const start = nightsBetween(from, block.from);
    const end = nightsBetween(from, block.to);
    if (!line || end <= 0 || start >= nights) continue;
    const kind = kindNames[block.kind] ?? block.kind;
    const label = `${roomName(block.roomId)} ${kind.toLowerCase()}, ${formatStay(block.from, block.to)}: ${block.reason}`;
    line.append(h('div', {
      class: `block${start < 0 ? ' clipped-start' : ''}${end > nights ? ' clipped-end' : ''}`,
      role: 'note',
      tabindex: '0',
      'aria-label': label,
      title: label,
      style: { gridColumn: `${Math.max(start, 0) + 2} / ${Math.min(end, nights) + 2}` },
      dataset: { kind: block.kind, block: block.id, room: block.roomId, key: `block:${block.roomId}/${block.id}` },
    }, h('span', { class: 'kind' }, kind), h('span', { class: 'reason' }, block.reason)));
  }
  // A live change redraws the blocks: the one the desk had focused keeps the focus.
  if (focused?.startsWith('block:')) board.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  // An open block's details (board-block-dialogs.js) follow what was just drawn.
  board.dispatchEvent(new Event('blocksdrawn'));
}
