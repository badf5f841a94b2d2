// What the property step offers: every IANA time zone the browser knows (the API checks the id
// again) and the currencies hotels ask for most; the API takes any ISO 4217 code.
import { h } from './dom.js';

const currencies = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'JPY', 'AUD', 'CAD', 'NZD', 'SGD', 'HKD', 'AED', 'ZAR', 'INR', 'BRL', 'MXN', 'TRY'];

export function fillTimeZones(select, chosen) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const here = chosen || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const all = [...new Set([here, 'UTC', ...zones])];
  select.replaceChildren(...all.map((zone) => h('option', { value: zone, selected: zone === here }, zone.replaceAll('_', ' '))));
}

export function fillCurrencies(select, chosen) {
  const here = chosen || 'EUR';
  const all = [...new Set([here, ...currencies])];
  const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'currency' }) : null;
  select.replaceChildren(...all.map((code) => h('option', { value: code, selected: code === here }, names ? `${code} · ${names.of(code)}` : code)));
}
