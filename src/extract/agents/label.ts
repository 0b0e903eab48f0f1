/** The display name of a state's branch or community: "Police of Germany", "Civilians of Belarus". */
import type { Actor } from '../../core/types.js';
import type { Lexicon } from '../../knowledge/lexicon.js';

export function createBranchNamer(lexicon: Lexicon, countryName: ReadonlyMap<string, string>, governmentRoles: ReadonlySet<string>) {
  const labels = lexicon.map('actor_branch_labels');
  return function branch(country: string, role: string): Actor {
    const id = `${country}${role}`;
    return { id, name: `${labels.get(role) ?? role} of ${countryName.get(country) ?? country}`, kind: role === 'MIL' ? 'military' : governmentRoles.has(role) ? 'government' : 'other', country, org: null, role, aliases: [] };
  };
}
