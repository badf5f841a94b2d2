// The board header's link to the team page, for owners: only they manage members.
import { onMember } from './board-member.js';

const query = new URLSearchParams(location.search);
const link = document.getElementById('team-link');
link.href = `/team?${new URLSearchParams({ org: query.get('org') || 'demo' })}`;

onMember((role) => { link.hidden = role !== 'Owner'; });
