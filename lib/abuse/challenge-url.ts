/** Where the proof-of-work widget fetches its challenge, for an office that asks for one before holds. */
export function challengeUrlFor(location: { slug: string; requireChallenge: boolean }): string | undefined {
  return location.requireChallenge ? `/api/challenge?standort=${encodeURIComponent(location.slug)}` : undefined;
}
