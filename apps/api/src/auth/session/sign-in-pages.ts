/** The sign-in pages are Dutch: roles in the words the board uses. */
export const ROLE_NL: Readonly<Record<string, string>> = {
  board: 'College van Bestuur',
  director: 'directie',
  teacher: 'leerkracht',
  hr: 'HR',
  legal: 'juridische zaken',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
