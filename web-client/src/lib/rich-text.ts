const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Plain text typed in a textarea as simple HTML: a blank line starts a new paragraph (`<p>`), a single
 * line break stays one (`<br>`). Everything typed is escaped, so it shows as written.
 */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map(
      (paragraph) =>
        `<p>${paragraph
          .split('\n')
          .map((line) => escapeHtml(line.trim()))
          .join('<br>')}</p>`,
    )
    .join('');
}

const BLOCKS = new Set(['P', 'DIV', 'H2', 'H3', 'H4', 'BLOCKQUOTE', 'UL', 'OL', 'LI']);

/** The reverse, to edit a stored text in a textarea: blocks become paragraphs, `<br>` a line break, markup goes. */
export function htmlToText(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .join('\n')
      .trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) current += child.textContent ?? '';
      else if (child.nodeName === 'BR') current += '\n';
      else if (BLOCKS.has(child.nodeName)) {
        flush();
        walk(child);
        flush();
      } else walk(child);
    }
  };
  walk(document.body);
  flush();
  return paragraphs.join('\n\n');
}
