// Counting a visit to the booking page, only with the guest's consent: nothing is sent or stored
// until the guest says yes. The choice is kept in localStorage (per browser), the visit's id and its
// A/B variants in sessionStorage (per tab). Steps are gathered and sent together, in order (the server
// counts each only after its predecessor): those reached before the visit starts ride with its start,
// later ones go in one report a moment after a burst (a search and its prices) or as the guest leaves.
// Nothing here is awaited by the booking flow: counting must not slow a guest.
import { post } from './api.js';

const CONSENT = 'booking-page.count-visits';
const YES = 'yes';
const NO = 'no';

/** 'yes', 'no', or null when the guest has not answered yet. */
export function consent() {
  try {
    const answer = localStorage.getItem(CONSENT);
    return answer === YES || answer === NO ? answer : null;
  } catch {
    return NO;
  }
}

export function answer(yes) {
  try {
    localStorage.setItem(CONSENT, yes ? YES : NO);
  } catch {
    // Storage refused (private mode): the answer holds for this page only.
  }
  if (!yes) forgetVisit();
}

// Long enough to gather a burst of steps, short enough that a guest who stops there is counted soon.
const GATHER_MS = 500;

let started = null;
let chain = Promise.resolve();
let key = '';
let visitId = null;
let reported = new Set();
let pending = [];
let sendSoon = null;

function forgetVisit() {
  started = null;
  visitId = null;
  chain = Promise.resolve();
  reported = new Set();
  pending = [];
  clearTimeout(sendSoon);
  try {
    if (key) sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}

/**
 * Starts (or, in the same tab, resumes) the visit with the steps reported so far; resolves to its
 * variants, or [] when counting is off or failed. Only call it after the guest said yes.
 */
export function startVisit(organization, property) {
  if (consent() !== YES) return Promise.resolve([]);
  key = `booking-page.visit:${organization}/${property}`;
  const base = `/api/orgs/${encodeURIComponent(organization)}/properties/${encodeURIComponent(property)}/visits`;
  started ??= (async () => {
    try {
      const kept = JSON.parse(sessionStorage.getItem(key) ?? 'null');
      if (kept?.visitId) return { ...kept, base, resumed: true };
    } catch {
      // Nothing kept for this tab: start anew.
    }
    const address = new URL(location.href);
    const utm = (name) => address.searchParams.get(`utm_${name}`) ?? undefined;
    let referrer;
    try {
      // The referring site only: its path may say more about the guest than the hotel needs.
      referrer = document.referrer ? new URL(document.referrer).origin : undefined;
    } catch {
      referrer = undefined;
    }
    const steps = pending;
    pending = [];
    const visit = await post(base, {
      steps,
      landingPage: address.pathname,
      referrer,
      utmSource: utm('source'),
      utmMedium: utm('medium'),
      utmCampaign: utm('campaign'),
      utmTerm: utm('term'),
      utmContent: utm('content'),
    });
    try {
      sessionStorage.setItem(key, JSON.stringify({ visitId: visit.visitId, variants: visit.variants }));
    } catch {
      // Kept for this page only.
    }
    return { ...visit, base, resumed: false };
  })().catch(() => null);
  return started.then((visit) => {
    visitId = visit?.visitId ?? null;
    return visit?.variants ?? [];
  });
}

/** The visit's id for the hold, when this visit is counted. */
export const currentVisitId = () => (consent() === YES ? visitId : null);

/**
 * Headers for a search that counts itself in the visit (searched, and saw prices when a room is
 * free), sparing the page a report; null when the visit is not counted or not started yet.
 */
export function searchCountedInVisit() {
  if (consent() !== YES || !visitId) return null;
  reported.add('searched').add('saw-prices');
  return { 'Visit-Id': visitId };
}

/** Reports a step; returns at once. It goes with the next report, once per page. */
export function reportStep(step) {
  if (consent() !== YES || reported.has(step)) return;
  reported.add(step);
  pending.push(step);
  clearTimeout(sendSoon);
  sendSoon = setTimeout(sendSteps, GATHER_MS);
}

function sendSteps() {
  clearTimeout(sendSoon);
  if (!started || pending.length === 0) return;
  const steps = pending;
  pending = [];
  const visit = started;
  chain = chain.then(async () => {
    const { visitId: id, base } = (await visit) ?? {};
    if (!id || consent() !== YES) return;
    await post(`${base}/${encodeURIComponent(id)}/steps`, { steps }, { keepalive: true });
  }).catch(() => {});
}

// A guest who leaves (or hides the tab) mid-burst is still counted.
addEventListener('pagehide', sendSteps);
addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') sendSteps();
});
