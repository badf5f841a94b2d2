// The setup wizard after sign-up: property, room types, rooms, cancellation policy, then the live
// board. Every step saves through the API at once, so leaving half way loses nothing, and coming
// back (?org=...&step=rooms, say) picks up the organization's first property where it stands.
import { get, post, put, showError } from './api.js';
import { h } from './dom.js';
import { busy, showRefusal } from './form-errors.js';
import { whenSignedIn } from './member-page.js';
import { fillCurrencies, fillTimeZones } from './setup-choices.js';
import { wireRooms } from './setup-rooms.js';
import { wireSamples } from './setup-samples.js';
import { proposeId, slugOf } from './slug.js';

const query = new URLSearchParams(location.search);
const organization = query.get('org') || '';
const orgPath = `/api/orgs/${encodeURIComponent(organization)}`;
const order = ['property', 'room-types', 'rooms', 'policy', 'done'];

const $ = (id) => document.getElementById(id);
const wizard = $('wizard');
const notice = $('notice');
const forms = {
  property: $('step-property'),
  roomType: $('room-type-form'),
  policy: $('step-policy'),
};

// The property as the API last returned it (settings, room types, rooms), or null before step one.
let property = null;
// Saves still on their way: "Next" waits for them, so a quick click does not find the step empty.
let saving = Promise.resolve();
const track = (save) => {
  saving = Promise.allSettled([saving, save]);
  return save;
};

const propertyPath = () => `${orgPath}/properties/${encodeURIComponent(property.id)}`;
const hhmm = (time) => (time ?? '').slice(0, 5);
const money = (amount) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: property.settings.currency }).format(amount);

function show(step) {
  const at = order.indexOf(step) < 0 ? 0 : order.indexOf(step);
  const name = order[at];
  for (const section of wizard.querySelectorAll('.step')) section.hidden = section.dataset.step !== name;
  for (const item of $('steps').children) {
    const index = order.indexOf(item.dataset.step);
    item.classList.toggle('done', index < at);
    if (index === at) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
  }
  const next = new URLSearchParams({ org: organization });
  if (name !== 'property') next.set('step', name);
  history.replaceState(null, '', `/setup?${next}`);
  for (const alert of wizard.querySelectorAll('[data-next-error]')) showError(alert, null);
  const section = wizard.querySelector(`.step[data-step="${name}"]`);
  enter[name]?.();
  section.querySelector('h2').setAttribute('tabindex', '-1');
  section.querySelector('h2').focus();
}

const step = (offset, from) => show(order[order.indexOf(from) + offset]);

// ---- Step 1: the property ----

function settingsFromForm() {
  const form = forms.property;
  return {
    name: form.propertyName.value.trim(),
    timeZone: form.timeZone.value,
    currency: form.currency.value,
    checkInTime: form.checkInTime.value,
    checkOutTime: form.checkOutTime.value,
    minimumStay: property?.settings.minimumStay ?? 1,
    cancellation: property?.settings.cancellation,
  };
}

function fillProperty() {
  const form = forms.property;
  const settings = property?.settings;
  form.propertyName.value = settings?.name ?? '';
  form.propertyId.value = property?.id ?? '';
  form.propertyId.disabled = property !== null;
  fillTimeZones(form.timeZone, settings?.timeZone);
  fillCurrencies(form.currency, settings?.currency);
  if (settings) {
    form.checkInTime.value = hhmm(settings.checkInTime);
    form.checkOutTime.value = hhmm(settings.checkOutTime);
  }
}

forms.property.addEventListener('submit', (e) => {
  e.preventDefault();
  const form = forms.property;
  busy(form, async () => {
    try {
      const settings = settingsFromForm();
      property = property
        ? await put(`${propertyPath()}/settings`, settings)
        : await post(`${orgPath}/properties`, { id: form.propertyId.value.trim(), settings, roomTypes: [] });
      showRefusal(form, form.querySelector('[data-error]'), null);
      fillProperty();
      show('room-types');
    } catch (refusal) {
      showRefusal(form, form.querySelector('[data-error]'), refusal);
    }
  });
});

// ---- Step 2: room types ----

function renderRoomTypes() {
  $('room-type-list').replaceChildren(...property.roomTypes.map((type) =>
    h('li', {}, h('strong', {}, type.name), ` · sleeps ${type.maxOccupancy} · ${money(type.nightlyRate)} a night`)));
}

forms.roomType.addEventListener('submit', (e) => {
  e.preventDefault();
  const form = forms.roomType;
  track(busy(form, async () => {
    try {
      const id = form.typeId.value.trim() || slugOf(form.typeName.value);
      property = await put(`${propertyPath()}/room-types/${encodeURIComponent(id)}`, {
        name: form.typeName.value.trim(),
        nightlyRate: form.nightlyRate.value === '' ? null : Number(form.nightlyRate.value),
        maxOccupancy: form.maxOccupancy.value === '' ? null : Number(form.maxOccupancy.value),
      });
      showRefusal(form, form.querySelector('[data-error]'), null);
      form.reset();
      renderRoomTypes();
      form.typeName.focus();
    } catch (refusal) {
      showRefusal(form, form.querySelector('[data-error]'), refusal);
    }
  }));
});

// ---- Step 4: cancellation policy ----

function describePolicy() {
  const form = forms.policy;
  const days = Number(form.freeUntilDaysBeforeArrival.value);
  const fee = form.lateFee.value === 'FullStay' ? 'the whole stay' : 'the first night';
  $('policy-preview').textContent = days === 0
    ? `Guests cancel free of charge up to their day of arrival; on the day they pay ${fee}.`
    : `Guests cancel free of charge until ${days} day${days === 1 ? '' : 's'} before arrival; later they pay ${fee}.`;
}

forms.policy.addEventListener('input', describePolicy);
forms.policy.addEventListener('submit', (e) => {
  e.preventDefault();
  const form = forms.policy;
  busy(form, async () => {
    try {
      const { settings } = property;
      property = await put(`${propertyPath()}/settings`, {
        ...settings,
        checkInTime: hhmm(settings.checkInTime),
        checkOutTime: hhmm(settings.checkOutTime),
        cancellation: {
          freeUntilDaysBeforeArrival: form.freeUntilDaysBeforeArrival.value === '' ? null : Number(form.freeUntilDaysBeforeArrival.value),
          lateFee: form.lateFee.value,
        },
      });
      showRefusal(form, form.querySelector('[data-error]'), null);
      show('done');
    } catch (refusal) {
      showRefusal(form, form.querySelector('[data-error]'), refusal);
    }
  });
});

// ---- Step 5: done ----

function summarize() {
  const { settings } = property;
  const rooms = property.rooms.filter((r) => !r.retired).length;
  $('done-summary').textContent = `${settings.name}: ${property.roomTypes.length} room type${property.roomTypes.length === 1 ? '' : 's'}, `
    + `${rooms} room${rooms === 1 ? '' : 's'}, check-in from ${hhmm(settings.checkInTime)}, check-out by ${hhmm(settings.checkOutTime)}, ${settings.timeZone}, ${settings.currency}.`;
  $('open-board').href = `/board?${new URLSearchParams({ org: organization, property: property.id })}`;
}

// ---- Moving between steps ----

const rooms = wireRooms({
  track,
  path: propertyPath,
  current: () => property,
  reload: async () => { property = await get(propertyPath()); return property; },
});
const samples = wireSamples({ path: propertyPath });

const enter = {
  property: fillProperty,
  'room-types': renderRoomTypes,
  rooms: rooms.enter,
  policy: () => {
    const policy = property.settings.cancellation;
    forms.policy.freeUntilDaysBeforeArrival.value = policy.freeUntilDaysBeforeArrival;
    forms.policy.lateFee.value = policy.lateFee;
    describePolicy();
  },
  done: () => {
    summarize();
    samples.enter();
  },
};

// Steps after the property need one; without it they are refused in the wizard's own words.
const ready = {
  'room-types': () => (property.roomTypes.length ? null : 'Add at least one room type: guests book a room type, then get a room of it.'),
  rooms: () => (property.rooms.some((r) => !r.retired) ? null : 'Add at least one room: the board shows a line per room.'),
};

for (const section of wizard.querySelectorAll('.step')) {
  section.querySelector('[data-back]')?.addEventListener('click', () => step(-1, section.dataset.step));
  section.querySelector('[data-next]')?.addEventListener('click', async () => {
    await saving;
    const why = ready[section.dataset.step]?.();
    showError(section.querySelector('[data-next-error]'), why ? new Error(why) : null);
    if (!why) step(1, section.dataset.step);
  });
}

proposeId(forms.property.propertyName, forms.property.propertyId);
proposeId(forms.roomType.typeName, forms.roomType.typeId);

async function load() {
  const org = await get(orgPath);
  $('org-name').textContent = `Set up ${org.name}`;
  document.title = `Set up ${org.name}`;
  const first = query.get('property') ?? org.properties[0];
  property = first ? await get(`${orgPath}/properties/${encodeURIComponent(first)}`) : null;
  wizard.hidden = false;
  const wanted = query.get('step');
  show(property ? wanted ?? 'room-types' : 'property');
}

whenSignedIn({
  show: () => load().catch((error) => showError(notice, error)),
  hide: () => { wizard.hidden = true; },
});
