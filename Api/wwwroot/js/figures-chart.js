// Occupancy per night as bars in inline SVG, drawn at the width it is shown at so its text stays
// the page's size on a tablet and on a wide screen alike (a scaled drawing would shrink or blow it up).
import { formatDay, isWeekend } from './dates.js';

const NS = 'http://www.w3.org/2000/svg';
const HEIGHT = 200;
const MARGIN = { top: 12, right: 8, bottom: 36, left: 44 };

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

const percent = (ratio) => `${Math.round(ratio * 100)}%`;

/** Draws the nights' occupancy into `container`, replacing what was there. */
export function drawOccupancy(container, nights) {
  const width = Math.max(320, Math.floor(container.clientWidth));
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, nights.length);
  const y = (ratio) => MARGIN.top + plotHeight * (1 - Math.min(1, Math.max(0, ratio)));
  const chart = svg('svg', {
    width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', class: 'occupancy-chart',
    'aria-label': nights.length ? `Occupancy per night, ${formatDay(nights[0].night)} to ${formatDay(nights.at(-1).night)}` : 'Occupancy per night',
  });

  for (const ratio of [0, 0.25, 0.5, 0.75, 1]) {
    chart.append(
      svg('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(ratio), y2: y(ratio), class: ratio === 0 ? 'axis' : 'grid' }),
      svg('text', { x: MARGIN.left - 6, y: y(ratio) + 4, 'text-anchor': 'end', class: 'tick' }, percent(ratio)),
    );
  }

  // A label every night while they fit, else every few nights; the month under the first night and each 1st.
  const step = Math.ceil(22 / slot);
  nights.forEach((night, i) => {
    const x = MARGIN.left + i * slot;
    const barWidth = Math.max(1, slot * (slot > 6 ? 0.72 : 1));
    const top = y(night.occupancy);
    const toSell = night.rooms - night.outOfOrder;
    chart.append(svg('rect', {
      x: x + (slot - barWidth) / 2, y: top, width: barWidth, height: MARGIN.top + plotHeight - top,
      class: isWeekend(night.night) ? 'bar weekend' : 'bar', 'data-night': night.night,
    }, svg('title', {}, `${formatDay(night.night)}: ${night.roomsSold} of ${toSell} sold (${percent(night.occupancy)})`)));
    // The value on the bar while there is room for it; the bar's title says it always.
    if (slot >= 34 && night.occupancy > 0) {
      chart.append(svg('text', { x: x + slot / 2, y: top - 4, 'text-anchor': 'middle', class: 'value' }, percent(night.occupancy)));
    }
    const day = night.night.slice(8);
    if (i % step === 0) {
      chart.append(svg('text', { x: x + slot / 2, y: HEIGHT - MARGIN.bottom + 14, 'text-anchor': 'middle', class: 'tick' }, String(Number(day))));
    }
    if (i === 0 || day === '01') {
      chart.append(svg('text', { x: i === 0 ? x : x + slot / 2, y: HEIGHT - MARGIN.bottom + 29, 'text-anchor': i === 0 ? 'start' : 'middle', class: 'tick month' },
        formatDay(night.night, { month: 'short' })));
    }
  });

  container.replaceChildren(chart);
}
