// Escaping user text for Markdown output (hovers, the Markdown export). Pure.

/** Escapes characters that Markdown or inline HTML would interpret; newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|~>-]/g, (ch) => `\\${ch}`)
    .replace(/</g, '&lt;');
}

/** Shortens `text` to at most `max` characters, ending with "…". */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}
