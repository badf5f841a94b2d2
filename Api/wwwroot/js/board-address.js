// Where a member's board is: an organization's first property, as the board opens the demo's otherwise.
import { get } from './api.js';

/** The board's address for `organization`, signed in (api.js's token set); the bare organization when its properties cannot be read. */
export async function boardAddress(organization) {
  const address = `/board?org=${encodeURIComponent(organization)}`;
  try {
    const found = await get(`/api/orgs/${encodeURIComponent(organization)}`);
    return found.properties?.length ? `${address}&property=${encodeURIComponent(found.properties[0])}` : address;
  } catch {
    return address;
  }
}
