/** kitty-origin's version, as package.json states it (a test keeps the two equal). */
export const VERSION = '0.1.0'

/** The User-Agent kitty-origin sends to GitHub and the SaaS. */
export const USER_AGENT = `kitty-origin/${VERSION}`
