// Dates are nights as "yyyy-mm-dd" strings; arithmetic runs in UTC so no local clock change shifts a day.

const DAY = 86_400_000;

const parse = (iso) => Date.parse(`${iso}T00:00:00Z`);

export function addDays(iso, days) {
  return new Date(parse(iso) + days * DAY).toISOString().slice(0, 10);
}

export function nightsBetween(from, to) {
  return Math.round((parse(to) - parse(from)) / DAY);
}

/** Today's date where the property is, which decides what "tonight" is at the desk. */
export function todayIn(timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// Building an Intl formatter costs far more than using one, and a month's board formats thousands
// of dates and prices: each kind is built once.
const formatters = new Map();
function formatter(key, build) {
  let made = formatters.get(key);
  if (!made) {
    made = build();
    formatters.set(key, made);
  }
  return made;
}

const dayFormat = { weekday: 'short', day: 'numeric', month: 'short' };

export function formatDay(iso, options = dayFormat) {
  const format = formatter(`day:${JSON.stringify(options)}`, () => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...options }));
  return format.format(new Date(parse(iso)));
}

export function formatStay(checkIn, checkOut) {
  const nights = nightsBetween(checkIn, checkOut);
  return `${formatDay(checkIn)} – ${formatDay(checkOut)} · ${nights} night${nights === 1 ? '' : 's'}`;
}

export function isWeekend(iso) {
  const day = new Date(parse(iso)).getUTCDay();
  return day === 0 || day === 6;
}

export function money(amount, currency) {
  return formatter(`money:${currency}`, () => new Intl.NumberFormat('en-GB', { style: 'currency', currency })).format(amount);
}

export function time(instant) {
  return formatter('time', () => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })).format(new Date(instant));
}
