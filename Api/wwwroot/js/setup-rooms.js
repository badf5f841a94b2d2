// The wizard's rooms step: one room at a time, or a run of numbered rooms ("101" to "110") of one
// room type in one go. A run stops at the first refusal (the plan's room limit, say) and says how
// far it got, in the API's words: the rooms already added stay.
import { post, showError } from './api.js';
import { h } from './dom.js';
import { busy, showRefusal } from './form-errors.js';
import { slugOf } from './slug.js';

const $ = (id) => document.getElementById(id);

export function wireRooms({ track, path, current, reload }) {
  const series = $('rooms-series-form');
  const single = $('room-form');

  function render() {
    const property = current();
    const types = new Map(property.roomTypes.map((t) => [t.id, t.name]));
    const active = property.rooms.filter((r) => !r.retired);
    $('room-count').textContent = String(active.length);
    $('room-list').replaceChildren(...active.map((room) =>
      h('li', {}, h('strong', {}, room.name), ` · ${types.get(room.roomType) ?? room.roomType}`)));
  }

  function fillTypes(select) {
    const chosen = select.value;
    select.replaceChildren(...current().roomTypes.map((t) => h('option', { value: t.id, selected: t.id === chosen }, t.name)));
  }

  function numbers() {
    const first = Number.parseInt(series.first.value, 10);
    const count = Number.parseInt(series.count.value, 10);
    if (!Number.isInteger(first) || !Number.isInteger(count) || count < 1 || first < 0) return [];
    return Array.from({ length: Math.min(count, 100) }, (_, i) => String(first + i));
  }

  function preview() {
    const all = numbers();
    const type = series.roomType.selectedOptions[0]?.textContent ?? '';
    $('series-preview').textContent = all.length === 0
      ? 'Give a first number and how many rooms.'
      : `${all.length === 1 ? `Room ${all[0]}` : `Rooms ${all[0]}–${all.at(-1)}`}${type ? `, ${type}` : ''}.`;
  }

  async function add(ids, roomType, form) {
    const alert = form.querySelector('[data-error]');
    let added = 0;
    try {
      for (const { id, name } of ids) {
        await post(`${path()}/rooms`, { id, name, roomType });
        added += 1;
      }
      showRefusal(form, alert, null);
      return true;
    } catch (refusal) {
      if (added > 0) refusal.message = `Added ${added} of ${ids.length} rooms, then: ${refusal.message}`;
      showRefusal(form, alert, refusal);
      return false;
    } finally {
      await reload();
      render();
      proposeNext();
    }
  }

  series.addEventListener('input', preview);
  series.addEventListener('submit', (e) => {
    e.preventDefault();
    track(busy(series, async () => {
      const all = numbers();
      if (all.length === 0) {
        showError(series.querySelector('[data-error]'), new Error('Give a first number (0 or more) and how many rooms (1 to 100).'));
        return;
      }
      await add(all.map((n) => ({ id: n, name: n })), series.roomType.value, series);
    }));
  });

  single.addEventListener('submit', (e) => {
    e.preventDefault();
    track(busy(single, async () => {
      const name = single.roomName.value.trim();
      if (await add([{ id: slugOf(name) || name, name }], single.roomType.value, single)) {
        single.roomName.value = '';
        single.roomName.focus();
      }
    }));
  });

  // The next free run starts after the highest numbered room so far.
  function proposeNext() {
    const highest = Math.max(...current().rooms.map((r) => Number.parseInt(r.id, 10)).filter(Number.isInteger), 0);
    if (highest > 0) series.first.value = String(highest + 1);
    preview();
  }

  return {
    enter() {
      fillTypes(series.roomType);
      fillTypes($('room-type'));
      proposeNext();
      render();
    },
  };
}
