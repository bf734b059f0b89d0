// Stand-in for next/cache in integration tests: there is no render cache outside a Next.js server.
export function revalidatePath() {}
