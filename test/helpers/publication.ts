import type { Agent } from './session';
import { csrfTokenOf } from './session';

/** The fingerprint the publication preview's confirmation carries, or '' when the page offers none. */
export const fingerprintOf = (html: string): string => /name="fingerprint" value="([^"]+)"/.exec(html)?.[1] ?? '';

/**
 * Publishes a year as an admin does: opens its preview, then confirms with the preview's
 * fingerprint and token, adding `fields` (note, reason).
 */
export async function confirmPublication(agent: Agent, year: number, fields: { note?: string; reason?: string } = {}) {
  const preview = await agent.get(`/espace/annees/${year}/publication`);
  const token = preview.status === 200 ? csrfTokenOf(preview.text) : await agent.csrf();
  return agent
    .post(`/espace/annees/${year}/publication`)
    .type('form')
    .send({ _csrf: token, fingerprint: fingerprintOf(preview.text), ...fields });
}
