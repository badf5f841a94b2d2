// Sign-up: an organization with its owner (POST /api/signup), then signed in and on to the setup wizard.
import { post } from './api.js';
import { h } from './dom.js';
import { busy, showRefusal } from './form-errors.js';
import { signIn } from './session.js';
import { proposeId } from './slug.js';

// The plans of Grains.Abstractions/Organizations (Plan, PlanLimits); the API refuses any other.
const plans = [
  { id: 'Free', name: 'Free', limits: '1 property, up to 10 rooms' },
  { id: 'Standard', name: 'Standard', limits: 'Up to 5 properties, any number of rooms' },
  { id: 'Premium', name: 'Premium', limits: 'Any number of properties and rooms' },
];

const form = document.getElementById('signup-form');
const error = document.getElementById('signup-error');
const example = document.getElementById('org-id-example');

document.getElementById('plans').append(...plans.map((plan, i) =>
  h('label', { class: 'plan' },
    h('input', { type: 'radio', name: 'plan', value: plan.id, checked: i === 0 }),
    h('span', { class: 'plan-name' }, plan.name),
    h('span', { class: 'plan-limits muted' }, plan.limits))));

proposeId(form.organizationName, form.organizationId);
const showExample = () => { example.textContent = form.organizationId.value || 'your-hotel'; };
form.organizationName.addEventListener('input', showExample);
form.organizationId.addEventListener('input', showExample);

form.addEventListener('submit', (e) => {
  e.preventDefault();
  busy(form, async () => {
    const email = form.email.value.trim();
    const organizationId = form.organizationId.value.trim();
    try {
      await post('/api/signup', {
        organizationId,
        organizationName: form.organizationName.value.trim(),
        plan: form.plan.value,
        email,
        name: form.ownerName.value.trim(),
        password: form.password.value,
      });
      await signIn(email, form.password.value);
      location.assign(`/setup?${new URLSearchParams({ org: organizationId })}`);
    } catch (refusal) {
      showRefusal(form, error, refusal);
    }
  });
});

form.organizationName.focus();
