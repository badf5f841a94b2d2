// The team page for owners: members with their roles (change one, remove one after asking),
// invitations by email with a role, and the invitations still waiting for an answer.
import { get, post, put, request, showError } from './api.js';
import { h } from './dom.js';
import { busy, showRefusal } from './form-errors.js';
import { whenSignedIn } from './member-page.js';

const query = new URLSearchParams(location.search);
const organization = query.get('org') || '';
const orgPath = `/api/orgs/${encodeURIComponent(organization)}`;
const roles = ['Staff', 'Manager', 'Owner'];

const $ = (id) => document.getElementById(id);
const invite = $('invite-form');
const dialog = $('remove-member');
let me = '';
let orgName = organization;
let removing = null;

const when = (iso) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const memberPath = (email) => `${orgPath}/members/${encodeURIComponent(email)}`;

invite.role.replaceChildren(...roles.map((role) => h('option', { value: role }, role)));

function roleSelect(member) {
  const select = h('select', { 'aria-label': `Role of ${member.email}` },
    ...roles.map((role) => h('option', { value: role, selected: role === member.role }, role)));
  select.addEventListener('change', async () => {
    select.disabled = true;
    try {
      await put(`${memberPath(member.email)}/role`, { role: select.value });
      showError($('members-error'), null);
      await load();
    } catch (refusal) {
      select.value = member.role;
      showError($('members-error'), refusal);
    } finally {
      select.disabled = false;
    }
  });
  return select;
}

function renderMembers(members) {
  $('members').replaceChildren(...members.map((member) =>
    h('li', { dataset: { email: member.email } },
      h('span', { class: 'who' }, member.email, member.email === me ? ' (you)' : '', h('small', {}, `Member since ${when(member.since)}`)),
      roleSelect(member),
      h('button', { type: 'button', class: 'danger', 'aria-label': `Remove ${member.email}`, onclick: () => askToRemove(member) }, 'Remove'))));
}

function renderPending(invitations) {
  $('pending-none').hidden = invitations.length > 0;
  $('pending').replaceChildren(...invitations.map((invitation) =>
    h('li', { dataset: { email: invitation.email } },
      h('span', { class: 'who' }, invitation.email, h('small', {}, `${invitation.role} · open until ${when(invitation.expiresAt)}`)))));
}

function askToRemove(member) {
  removing = member;
  $('remove-member-text').textContent = `${member.email} loses access to ${orgName} at once, on every device.`;
  showError($('remove-member-error'), null);
  dialog.showModal();
}

$('remove-member-confirm').addEventListener('click', async () => {
  const button = $('remove-member-confirm');
  button.disabled = true;
  try {
    await request('DELETE', memberPath(removing.email));
    dialog.close();
    await load();
  } catch (refusal) {
    showError($('remove-member-error'), refusal);
  } finally {
    button.disabled = false;
  }
});
dialog.querySelector('[data-close]').addEventListener('click', () => dialog.close());

invite.addEventListener('submit', (e) => {
  e.preventDefault();
  busy(invite, async () => {
    const alert = invite.querySelector('[data-error]');
    try {
      const invitation = await post(`${orgPath}/invitations`, { email: invite.email.value.trim(), role: invite.role.value });
      showRefusal(invite, alert, null);
      // The token is shown once: the API keeps only its hash.
      $('invited').replaceChildren(
        h('span', {}, `Invited ${invitation.email} as ${invitation.role}. Send them this one-time code to accept (it is shown only now):`),
        h('p', { class: 'token' }, invitation.token));
      $('invited').hidden = false;
      invite.email.value = '';
      await load();
    } catch (refusal) {
      $('invited').hidden = true;
      showRefusal(invite, alert, refusal);
    }
  });
});

async function load() {
  const [members, invitations] = await Promise.all([get(`${orgPath}/members`), get(`${orgPath}/invitations`)]);
  renderMembers(members);
  renderPending(invitations);
}

async function open(account) {
  me = account.email;
  $('board-link').href = `/board?${new URLSearchParams({ org: organization })}`;
  try {
    const org = await get(orgPath);
    orgName = org.name;
    $('org-name').textContent = `Team of ${org.name}`;
    document.title = `Team of ${org.name}`;
    if (org.properties[0]) $('board-link').href = `/board?${new URLSearchParams({ org: organization, property: org.properties[0] })}`;
    if (account.memberships?.[organization] !== 'Owner') {
      showError($('notice'), new Error('Only the owners of an organization manage its team. Ask one of them to invite or change someone.'));
      return;
    }
    showError($('notice'), null);
    await load();
    $('team').hidden = false;
  } catch (refusal) {
    showError($('notice'), refusal);
  }
}

whenSignedIn({ show: open, hide: () => { $('team').hidden = true; } });
