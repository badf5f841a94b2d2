// Dragging a bar's edge: the desk pulls the end of a stay to the night the guest now leaves (or its
// start to the night they now arrive), sees the bar follow across the night columns, and on release
// is shown the new price before anything is saved. Only the bar moves while dragging; the grid stays.
import { addDays } from './dates.js';

const EDGE = 8;

/**
 * Which edge of a bar a press is on ('start', 'end', or null for its middle): the outer 8 px of each
 * end, where CSS draws the handles. An end cut off by the board's first or last night has none.
 */
export function edgeAt(press, bar, clippedStart, clippedEnd) {
  const box = bar.getBoundingClientRect();
  if (!clippedEnd && box.right - press.clientX <= EDGE) return 'end';
  if (!clippedStart && press.clientX - box.left <= EDGE) return 'start';
  return null;
}

/**
 * Follows the pointer from an edge of `bar` until it is released, redrawing the bar over the nights it
 * would take; then calls done(checkIn, checkOut) when they changed, or cancelled() when they did not.
 * A stay keeps at least one night, and nights before the board's first one are not reachable by dragging.
 */
export function stretch(press, { board, bar, booking, edge, firstColumn, done, cancelled }) {
  press.preventDefault();
  press.stopPropagation();
  const columns = [...board.querySelectorAll('.night')].map((el) => ({ night: el.dataset.night, rect: el.getBoundingClientRect() }));
  if (columns.length === 0) return;
  const first = columns[0].night;
  const pastEnd = addDays(columns[columns.length - 1].night, 1);
  let checkIn = booking.checkIn;
  let checkOut = booking.checkOut;

  const nightUnder = (x) => {
    const left = columns[0].rect.left;
    const width = columns[0].rect.width;
    const index = Math.min(columns.length - 1, Math.max(0, Math.floor((x - left) / width)));
    return columns[index].night;
  };

  const draw = () => {
    const start = checkIn < first ? first : checkIn;
    const end = checkOut > pastEnd ? pastEnd : checkOut;
    const from = columns.findIndex((c) => c.night === start);
    const to = end === pastEnd ? columns.length : columns.findIndex((c) => c.night === end);
    bar.style.gridColumn = `${from + firstColumn} / ${to + firstColumn}`;
  };

  const move = (e) => {
    const night = nightUnder(e.clientX);
    if (edge === 'end') checkOut = night >= booking.checkIn ? addDays(night, 1) : addDays(booking.checkIn, 1);
    else checkIn = night < booking.checkOut ? night : addDays(booking.checkOut, -1);
    draw();
  };

  const release = () => {
    bar.classList.remove('stretching');
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', release);
    window.removeEventListener('pointercancel', release);
    if (checkIn !== booking.checkIn || checkOut !== booking.checkOut) done(checkIn, checkOut);
    else cancelled();
  };

  bar.classList.add('stretching');
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', release);
  window.addEventListener('pointercancel', release);
}
