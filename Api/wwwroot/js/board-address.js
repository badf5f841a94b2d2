// Where a member's board is: an organization's first property, as the board opens the demo's otherwise.
import { get } from './api.js';

/** The board's address for `organization`, signed in; the bare organization when its properties cannot be read. */
export async function boardAddress(organization) {
  const address = `/board?org=${encodeURIComponent(organization)}`;
  try {
    const found = await get(`/api/orgs/${encodeURIComponent(organization)}`);
    return found.properties?.length ? `${address}&property=${encodeURIComponent(found.properties[0])}` : address;
  } catch {
    return address;
  }
}

/**
 * Where a board opened without a property should go: its organization's first property, or the
 * setup wizard when it has none yet; null to stay (the property is named, or it cannot be read).
 */
export async function missingPropertyAddress(organization, query) {
  if (query.has('property')) return null;
  try {
    const found = await get(`/api/orgs/${encodeURIComponent(organization)}`);
    if (!found.properties?.length) return `/setup?org=${encodeURIComponent(organization)}`;
    return `/board?org=${encodeURIComponent(organization)}&property=${encodeURIComponent(found.properties[0])}`;
  } catch {
    return null;
  }
}
