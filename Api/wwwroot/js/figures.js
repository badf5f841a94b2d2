// The figures page: a property's occupancy, ADR, RevPAR, revenue and movements over the nights a
// manager picks, as totals, a chart and a table, and the same nights as a CSV from the API.
// Revenue is for managers (the API refuses staff), so the page signs in as the board does.
import { ApiError, download, get, showError } from './api.js';
import { addDays, formatDay, isWeekend, money, todayIn } from './dates.js';
import { h } from './dom.js';
import { drawOccupancy } from './figures-chart.js';
import { totalsOf } from './figures-totals.js';
import { whenSignedIn } from './member-page.js';

const query = new URLSearchParams(location.search);
const organization = query.get('org') || 'demo';
const property = query.get('property') || 'harbour-view';
const propertyPath = `/api/orgs/${encodeURIComponent(organization)}/properties/${encodeURIComponent(property)}`;

const $ = (id) => document.getElementById(id);
const elements = {
  name: $('property-name'),
  meta: $('property-meta'),
  boardLink: $('board-link'),
  notice: $('notice'),
  area: $('figures-area'),
  range: $('range'),
  firstNight: $('first-night'),
  lastNight: $('last-night'),
  rangeError: $('range-error'),
  download: $('download'),
  totals: $('totals'),
  totalsRange: $('totals-range'),
  chart: $('chart'),
  rows: document.querySelector('#nights tbody'),
  table: $('nights'),
};

// The nights shown, [from, to) as the API takes them; kept in the address so a link shows the same nights.
const shown = { from: query.get('from'), to: query.get('to') };
let place = null;
let signedIn = false;
let loads = 0;
let nightsShown = [];

elements.boardLink.href = `/board?${new URLSearchParams({ org: organization, property })}`;
$('funnel-link').href = `/funnel?${new URLSearchParams({ org: organization, property })}`;

// ---- Signing in (the same sign-in cookie as the board's) ----

// ---- Ranges ----

const firstOfMonth = (iso) => `${iso.slice(0, 8)}01`;
const firstOfNextMonth = (iso) => {
  const date = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 1));
  return date.toISOString().slice(0, 10);
};

/** The quick ranges, from today at the property: a calendar month is how occupancy and ADR are reported. */
const presets = {
  'this-month': (today) => ({ from: firstOfMonth(today), to: firstOfNextMonth(today) }),
  'next-month': (today) => ({ from: firstOfNextMonth(today), to: firstOfNextMonth(firstOfNextMonth(today)) }),
  'next-30': (today) => ({ from: today, to: addDays(today, 30) }),
};

for (const button of document.querySelectorAll('[data-preset]')) {
  button.addEventListener('click', () => show(presets[button.dataset.preset](todayIn(place?.timeZone ?? 'UTC'))));
}

elements.range.addEventListener('submit', (e) => {
  e.preventDefault();
  const first = elements.firstNight.value;
  const last = elements.lastNight.value;
  if (!first || !last) return;
  if (last < first) {
    refuseRange('The last night must be on or after the first night.', elements.lastNight);
    return;
  }
  show({ from: first, to: addDays(last, 1) });
});

function show(range) {
  Object.assign(shown, range);
  load();
}

function refuseRange(why, input) {
  showError(elements.rangeError, { message: why });
  input?.setAttribute('aria-invalid', 'true');
}

// ---- Loading ----

async function load() {
  if (!signedIn) return;
  const ticket = ++loads;
  elements.totals.setAttribute('aria-busy', 'true');
  try {
    place ??= await get(propertyPath);
    showPlace();
    if (!shown.from || !shown.to) Object.assign(shown, presets['this-month'](todayIn(place.settings.timeZone)));
    const figures = await get(`${propertyPath}/figures?${new URLSearchParams({ from: shown.from, to: shown.to })}`);
    if (ticket !== loads) return;
    showError(elements.notice, null);
    showError(elements.rangeError, null);
    for (const input of [elements.firstNight, elements.lastNight]) input.removeAttribute('aria-invalid');
    elements.area.hidden = false;
    render(figures);
  } catch (error) {
    if (!signedIn || ticket !== loads) return;
    if (error instanceof ApiError && error.status === 400 && place) {
      // The API names the field: 'to' is the last night here, one day on.
      const fields = error.fields;
      refuseRange(Object.values(fields).flat().join(' ') || error.message, fields.from ? elements.firstNight : elements.lastNight);
      return;
    }
    if (error instanceof ApiError && error.status === 403) {
      elements.area.hidden = true;
      showError(elements.notice, { message: `Figures show revenue, so they are for managers and owners. ${error.message}` });
      return;
    }
    showError(elements.notice, error);
  } finally {
    if (ticket === loads) elements.totals.setAttribute('aria-busy', 'false');
  }
}

function showPlace() {
  const { name, timeZone, currency } = place.settings;
  elements.name.textContent = name;
  elements.name.title = name;
  elements.meta.textContent = `Figures · ${currency} · ${timeZone}`;
  document.title = `Figures · ${name}`;
}

// ---- Showing ----

const percent = (ratio, digits = 0) =>
  new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
const count = (n) => new Intl.NumberFormat('en-GB').format(n);

function render(figures) {
  const { currency, nights } = figures;
  nightsShown = nights;
  const first = nights[0].night;
  const last = nights.at(-1).night;
  elements.firstNight.value = first;
  elements.lastNight.value = last;
  const span = `${formatDay(first, { day: 'numeric', month: 'short', year: 'numeric' })} – ${formatDay(last, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  elements.totalsRange.textContent = `${span} · ${nights.length} night${nights.length === 1 ? '' : 's'}`;

  const totals = totalsOf(nights);
  const values = {
    occupancy: `${percent(totals.occupancy, 1)}`,
    adr: totals.adr === null ? '–' : money(totals.adr, currency),
    revpar: money(totals.revPar, currency),
    revenue: money(totals.revenue, currency),
    sold: `${count(totals.sold)} of ${count(totals.toSell)}`,
    arrivals: count(totals.arrivals),
    departures: count(totals.departures),
  };
  for (const [name, value] of Object.entries(values)) elements.totals.querySelector(`[data-total="${name}"] dd`).textContent = value;

  const today = todayIn(place.settings.timeZone);
  elements.rows.replaceChildren(...nights.map((night) => row(night, currency, today)));
  elements.table.querySelector('tfoot')?.remove();
  elements.table.append(h('tfoot', {}, h('tr', {},
    h('th', { scope: 'row' }, 'Total'),
    cell(count(totals.sold)), cell(count(totals.toSell)), cell(percent(totals.occupancy, 1)), cell(values.revenue),
    cell(values.adr), cell(values.revpar), cell(values.arrivals), cell(values.departures), cell(''))));

  drawOccupancy(elements.chart, nights);

  const csv = `${propertyPath}/figures.csv?${new URLSearchParams({ from: first, to: addDays(last, 1) })}`;
  elements.download.href = csv;
  elements.download.removeAttribute('aria-disabled');

  const address = new URL(location.href);
  address.searchParams.set('from', first);
  address.searchParams.set('to', addDays(last, 1));
  history.replaceState(null, '', address);
}

const cell = (text) => h('td', { class: 'number' }, text);

function row(night, currency, today) {
  const toSell = night.rooms - night.outOfOrder;
  // Tonight marks where what happened ends and what is on the books begins.
  const classes = [isWeekend(night.night) ? 'weekend' : '', night.night === today ? 'tonight' : ''].join(' ').trim();
  return h('tr', { class: classes || null, dataset: { night: night.night } },
    h('th', { scope: 'row' }, h('time', { datetime: night.night }, formatDay(night.night))),
    cell(count(night.roomsSold)),
    cell(night.outOfOrder ? `${count(toSell)} (${count(night.outOfOrder)} out of order)` : count(toSell)),
    cell(percent(night.occupancy)),
    cell(money(night.roomRevenue, currency)),
    cell(night.roomsSold ? money(night.adr, currency) : '–'),
    cell(money(night.revPar, currency)),
    cell(count(night.arrivals)),
    cell(count(night.departures)),
    cell(count(night.inHouse)));
}

// The CSV comes through the API client, so a refusal shows in the page's words rather than as a bare download.
elements.download.addEventListener('click', async (e) => {
  e.preventDefault();
  if (elements.download.hasAttribute('aria-disabled')) return;
  try {
    const { blob, name } = await download(elements.download.getAttribute('href'));
    const url = URL.createObjectURL(blob);
    h('a', { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    showError(elements.notice, error);
  }
});

// Drawn at the width shown: a turned tablet or a resized window redraws it.
let chartWidth = 0;
new ResizeObserver(() => {
  const width = Math.floor(elements.chart.clientWidth);
  if (width === chartWidth || !nightsShown.length) return;
  chartWidth = width;
  drawOccupancy(elements.chart, nightsShown);
}).observe(elements.chart);

whenSignedIn({
  show: () => {
    signedIn = true;
    load();
  },
  hide: () => {
    signedIn = false;
    elements.area.hidden = true;
    showError(elements.notice, null);
  },
  reasons: {
    signedOut: 'Signed out. Sign in to see the figures again.',
    ended: 'Your sign-in has ended. Sign in again to see the figures.',
  },
});
