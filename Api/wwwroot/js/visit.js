// Counting a visit to the booking page, only with the guest's consent: nothing is sent or stored
// until the guest says yes. The choice is kept in localStorage (per browser), the visit's id and its
// A/B variants in sessionStorage (per tab). Steps go one after another (the server counts each only
// after its predecessor) and are never awaited by the booking flow: counting must not slow a guest.
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

let started = null;
let chain = Promise.resolve();
let key = '';
let visitId = null;

function forgetVisit() {
  started = null;
  visitId = null;
  chain = Promise.resolve();
  try {
    if (key) sessionStorage.removeItem(key);
  } catch {
    // Nothing kept.
  }
}

/**
 * Starts (or, in the same tab, resumes) the visit; resolves to its variants, or [] when counting is
 * off or failed. Only call it after the guest said yes.
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
    const visit = await post(base, {
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

/** Reports a step; returns at once. Steps are sent in order, each after the last one's answer. */
export function reportStep(step) {
  if (consent() !== YES || !started) return;
  const visit = started;
  chain = chain.then(async () => {
    const { visitId: id, base } = (await visit) ?? {};
    if (!id || consent() !== YES) return;
    await post(`${base}/${encodeURIComponent(id)}/steps`, { step });
  }).catch(() => {});
}
