// The funnel's steps as horizontal bars in inline SVG, drawn at the width shown: each step's visits,
// with what the step before had and this one lost drawn faintly behind it.
const NS = 'http://www.w3.org/2000/svg';
const ROW = 30;
const LABEL = 120;
const VALUE = 120;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

export const stepNames = {
  viewed: 'Viewed the page',
  searched: 'Searched dates',
  'saw-prices': 'Saw prices',
  'chose-room': 'Chose a room',
  held: 'Held',
  confirmed: 'Booked',
};

/** Draws the sessions and the steps into `container`, replacing what was there. */
export function drawSteps(container, sessions, steps) {
  const width = Math.max(320, Math.floor(container.clientWidth));
  const rows = [{ step: 'sessions', visits: sessions }, ...steps];
  const height = rows.length * ROW + 8;
  const plot = width - LABEL - VALUE;
  const most = Math.max(1, sessions, ...steps.map((s) => s.visits));
  const chart = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'steps-chart', 'aria-label': `Booking funnel: ${sessions} sessions, ${steps.at(-1)?.visits ?? 0} booked` });
  rows.forEach((row, i) => {
    const y = 4 + i * ROW;
    const previous = i === 0 ? row.visits : rows[i - 1].visits;
    const name = i === 0 ? 'Sessions' : stepNames[row.step] ?? row.step;
    chart.append(svg('text', { x: 0, y: y + 17, class: 'label' }, name));
    if (previous > row.visits) {
      chart.append(svg('rect', { x: LABEL, y: y + 3, width: (plot * previous) / most, height: ROW - 10, class: 'bar lost' }));
    }
    chart.append(svg('rect', { x: LABEL, y: y + 3, width: Math.max(row.visits ? 2 : 0, (plot * row.visits) / most), height: ROW - 10, class: 'bar', 'data-step': row.step },
      svg('title', {}, `${name}: ${row.visits}`)));
    const lost = i > 0 && row.dropOff > 0 ? ` (−${Math.round(row.dropOff * 100)}%)` : '';
    chart.append(svg('text', { x: LABEL + (plot * Math.max(row.visits, previous)) / most + 6, y: y + 17, class: 'value' }, `${row.visits}${lost}`));
  });
  container.replaceChildren(chart);
}
