/** Text or an attribute value as HTML: for markup written as a string (the proxy's notices, the time page's list of times). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
