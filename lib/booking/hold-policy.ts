/** How much longer a citizen may keep a hold, once, when the countdown is not enough. */
export const HOLD_EXTENSION_MINUTES = 5;
