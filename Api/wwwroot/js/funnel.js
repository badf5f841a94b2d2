// The booking funnel page: a property's visits over the days a manager picks, as totals, a bar per
// step, tables by source and by A/B test variant, and the same counts as a CSV from the API.
// The funnel is for managers (the API refuses staff), so the page signs in as the figures do.
import { ApiError, download, get, showError } from './api.js';
import { addDays, formatDay, money, todayIn } from './dates.js';
import { h } from './dom.js';
import { drawSteps, stepNames } from './funnel-chart.js';
import { whenSignedIn } from './member-page.js';

const query = new URLSearchParams(location.search);
const organization = query.get('org') || 'demo';
const property = query.get('property') || 'harbour-view';
const propertyPath = `/api/orgs/${encodeURIComponent(organization)}/properties/${encodeURIComponent(property)}`;

const $ = (id) => document.getElementById(id);
const elements = {
  name: $('property-name'),
  meta: $('property-meta'),
  notice: $('notice'),
  area: $('funnel-area'),
  range: $('range'),
  firstDay: $('first-day'),
  lastDay: $('last-day'),
  rangeError: $('range-error'),
  download: $('download'),
  totals: $('totals'),
  totalsRange: $('totals-range'),
  chart: $('chart'),
  steps: document.querySelector('#steps tbody'),
  sources: document.querySelector('#sources tbody'),
  tests: $('tests'),
};

// The days shown, both included, as the API takes them; kept in the address so a link shows the same days.
const shown = { from: query.get('from'), to: query.get('to') };
let place = null;
let signedIn = false;
let loads = 0;
let report = null;

const pages = new URLSearchParams({ org: organization, property });
$('board-link').href = `/board?${pages}`;
$('figures-link').href = `/figures?${pages}`;

const presets = {
  today: (today) => ({ from: today, to: today }),
  'last-7': (today) => ({ from: addDays(today, -6), to: today }),
  'last-30': (today) => ({ from: addDays(today, -29), to: today }),
};

for (const button of document.querySelectorAll('[data-preset]')) {
  button.addEventListener('click', () => show(presets[button.dataset.preset](todayIn(place?.settings.timeZone ?? 'UTC'))));
}

elements.range.addEventListener('submit', (e) => {
  e.preventDefault();
  if (!elements.firstDay.value || !elements.lastDay.value) return;
  show({ from: elements.firstDay.value, to: elements.lastDay.value });
});

function show(range) {
  Object.assign(shown, range);
  load();
}

async function load() {
  if (!signedIn) return;
  const ticket = ++loads;
  elements.totals.setAttribute('aria-busy', 'true');
  try {
    place ??= await get(propertyPath);
    const { name, timeZone, currency } = place.settings;
    elements.name.textContent = name;
    elements.meta.textContent = `Booking funnel · ${currency} · ${timeZone}`;
    document.title = `Booking funnel · ${name}`;
    if (!shown.from || !shown.to) Object.assign(shown, presets['last-7'](todayIn(timeZone)));
    const funnel = await get(`${propertyPath}/funnel?${new URLSearchParams({ from: shown.from, to: shown.to })}`);
    if (ticket !== loads) return;
    showError(elements.notice, null);
    showError(elements.rangeError, null);
    for (const input of [elements.firstDay, elements.lastDay]) input.removeAttribute('aria-invalid');
    elements.area.hidden = false;
    render(funnel);
  } catch (error) {
    if (!signedIn || ticket !== loads) return;
    if (error instanceof ApiError && error.status === 400 && place) {
      showError(elements.rangeError, { message: Object.values(error.fields).flat().join(' ') || error.message });
      (error.fields.from ? elements.firstDay : elements.lastDay).setAttribute('aria-invalid', 'true');
      return;
    }
    if (error instanceof ApiError && error.status === 403) {
      elements.area.hidden = true;
      showError(elements.notice, { message: `The booking funnel shows revenue, so it is for managers and owners. ${error.message}` });
      return;
    }
    showError(elements.notice, error);
  } finally {
    if (ticket === loads) elements.totals.setAttribute('aria-busy', 'false');
  }
}

const percent = (ratio, digits = 1) =>
  new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
const count = (n) => new Intl.NumberFormat('en-GB').format(n);
const cell = (text, kind = 'number') => h('td', { class: kind }, text);
const amount = (value) => money(value, report.currency || place.settings.currency);

function render(funnel) {
  report = funnel;
  elements.firstDay.value = funnel.from;
  elements.lastDay.value = funnel.to;
  const days = Math.round((Date.parse(funnel.to) - Date.parse(funnel.from)) / 86_400_000) + 1;
  const span = `${formatDay(funnel.from, { day: 'numeric', month: 'short', year: 'numeric' })} – ${formatDay(funnel.to, { day: 'numeric', month: 'short', year: 'numeric' })}`;
  elements.totalsRange.textContent = `${span} · ${days} day${days === 1 ? '' : 's'}`;
  const totals = {
    sessions: count(funnel.sessions),
    bookings: count(funnel.bookings),
    conversion: funnel.sessions ? percent(funnel.bookings / funnel.sessions) : '–',
    revenue: amount(funnel.revenue),
    abandoned: count(funnel.abandoned),
  };
  for (const [name, value] of Object.entries(totals)) elements.totals.querySelector(`[data-total="${name}"] dd`).textContent = value;

  drawSteps(elements.chart, funnel.sessions, funnel.steps);
  elements.steps.replaceChildren(
    h('tr', { dataset: { step: 'sessions' } }, h('th', { scope: 'row' }, 'Sessions'), cell(count(funnel.sessions)), cell('')),
    ...funnel.steps.map((step) => h('tr', { dataset: { step: step.step } },
      h('th', { scope: 'row' }, stepNames[step.step] ?? step.step), cell(count(step.visits)), cell(percent(step.dropOff)))),
    h('tr', { dataset: { step: 'abandoned' } }, h('th', { scope: 'row' }, 'Abandoned'), cell(count(funnel.abandoned)), cell('')));

  elements.sources.replaceChildren(...(funnel.sources.length
    ? funnel.sources.map((source) => h('tr', { dataset: { source: source.source } },
      cell(source.source, 'text'), cell(source.medium, 'text'), cell(source.campaign, 'text'),
      cell(count(source.sessions)), cell(count(source.bookings)), cell(percent(source.conversion)), cell(amount(source.revenue))))
    : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No counted visits on these days.'))]));

  elements.tests.replaceChildren(...(funnel.tests.length ? funnel.tests.map(test) : [h('p', { class: 'muted' }, 'No A/B test ran on these days.')]));

  const csv = `${propertyPath}/funnel.csv?${new URLSearchParams({ from: funnel.from, to: funnel.to })}`;
  elements.download.href = csv;
  elements.download.removeAttribute('aria-disabled');
  const address = new URL(location.href);
  address.searchParams.set('from', funnel.from);
  address.searchParams.set('to', funnel.to);
  history.replaceState(null, '', address);
}

const significance = (variant, first) => {
  if (variant === first) return 'baseline';
  if (variant.z === null || variant.z === undefined) return 'not enough data';
  return `z = ${variant.z.toFixed(2)}, p = ${variant.p < 0.001 ? '< 0.001' : variant.p.toFixed(3)}`;
};

function test(result) {
  const first = result.variants[0];
  return h('div', { class: 'test', dataset: { test: result.testId } },
    h('h3', {}, `${result.name} `, h('span', { class: 'muted' }, `· ${result.status}`)),
    h('div', { class: 'table-scroll' }, h('table', { class: 'report' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Variant'), h('th', { scope: 'col', class: 'number' }, 'Sessions'), h('th', { scope: 'col', class: 'number' }, 'Bookings'),
        h('th', { scope: 'col', class: 'number' }, 'Conversion'), h('th', { scope: 'col', class: 'number' }, 'Revenue'), h('th', { scope: 'col' }, 'Against the first'))),
      h('tbody', {}, result.variants.map((variant) => h('tr', { dataset: { variant: variant.variant } },
        h('th', { scope: 'row' }, variant.variant), cell(count(variant.sessions)), cell(count(variant.bookings)),
        cell(percent(variant.conversion)), cell(amount(variant.revenue)), cell(significance(variant, first), 'text')))))),
    h('p', { class: 'muted note' }, `Significance: ${result.significance}. A p below 0.05 is the usual bar; few sessions say little.`));
}

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

let chartWidth = 0;
new ResizeObserver(() => {
  const width = Math.floor(elements.chart.clientWidth);
  if (width === chartWidth || !report) return;
  chartWidth = width;
  drawSteps(elements.chart, report.sessions, report.steps);
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
    signedOut: 'Signed out. Sign in to see the funnel again.',
    ended: 'Your sign-in has ended. Sign in again to see the funnel.',
  },
});
