// Untrusted text (paths, messages, tool descriptions from the change under
// review) rendered into Markdown/HTML must not inject markup, links, images
// or @mentions.
const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|~>]/g;

export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MD_SPECIAL, (ch) => (ch === '>' ? ch : `\\${ch}`))
    .replace(/@/g, '&#64;')
    .replace(/\r?\n/g, ' ');
}

/** Inline code for untrusted text: HTML <code> keeps the escaping effective. */
export function codeSpan(s: string): string {
  return `<code>${escapeMarkdown(s)}</code>`;
}
