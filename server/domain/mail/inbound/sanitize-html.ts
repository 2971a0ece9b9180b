import { Parser } from 'htmlparser2';

/**
 * Formatting a mail body may keep. Anything else is unwrapped (its content kept): mail HTML is
 * full of html/body/head, Outlook's o:p and v:* elements, and unknown tags whose text matters.
 */
const ALLOWED_TAGS = new Set([
  'a',
  'abbr',
  'address',
  'b',
  'big',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
]);

/** Removed with everything inside: active content, forms, and text that is not the message's. */
const DROPPED_WITH_CONTENT = new Set([
  'applet',
  'audio',
  'base',
  'button',
  'canvas',
  'datalist',
  'embed',
  'form',
  'frame',
  'frameset',
  'iframe',
  'input',
  'link',
  'math',
  'meta',
  'noscript',
  'object',
  'optgroup',
  'option',
  'param',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
  'xml',
]);

const VOID_TAGS = new Set(['br', 'col', 'hr', 'img']);

/** Presentational attributes, harmless on any allowed tag. */
const PLAIN_ATTRIBUTES = new Set([
  'align',
  'alt',
  'bgcolor',
  'border',
  'cellpadding',
  'cellspacing',
  'color',
  'colspan',
  'dir',
  'face',
  'height',
  'lang',
  'nowrap',
  'rowspan',
  'size',
  'span',
  'start',
  'title',
  'type',
  'valign',
  'width',
]);

/** CSS properties kept in style attributes: colours, fonts, spacing, borders, alignment. */
const ALLOWED_CSS = new Set([
  'background-color',
  'border',
  'border-bottom',
  'border-collapse',
  'border-color',
  'border-left',
  'border-radius',
  'border-right',
  'border-spacing',
  'border-style',
  'border-top',
  'border-width',
  'color',
  'font',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'height',
  'letter-spacing',
  'line-height',
  'list-style-type',
  'margin',
  'margin-bottom',
  'margin-left',
  'margin-right',
  'margin-top',
  'max-width',
  'min-width',
  'padding',
  'padding-bottom',
  'padding-left',
  'padding-right',
  'padding-top',
  'text-align',
  'text-decoration',
  'text-indent',
  'text-transform',
  'vertical-align',
  'white-space',
  'width',
  'word-break',
]);

/**
 * Values that could load something, run something, or hide an escape: url() and image-set fetch,
 * expression()/behavior/-moz-binding execute in old engines, backslashes and comments obfuscate.
 */
const UNSAFE_CSS_VALUE = /url\s*\(|image-set|expression|javascript:|vbscript:|behavior|binding|@import|[\\<>]|\/\*/i;

/** Attribute on which the UI finds a remote image's address, to load it when the agent asks. */
export const REMOTE_SRC_ATTRIBUTE = 'data-sportello-remote-src';

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const REMOTE = /^(?:https?:)?\/\//i;
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);/i;

/** Browsers ignore control characters and spaces inside a scheme ("java\tscript:"); so must the check. */
function normalizeUrl(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

function filterStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (!ALLOWED_CSS.has(property) || !value || UNSAFE_CSS_VALUE.test(value)) continue;
    kept.push(`${property}: ${value}`);
  }
  return kept.join('; ');
}

/** The attributes kept on an allowed tag, in output order. */
function safeAttributes(tag: string, attributes: Record<string, string>): [string, string][] {
  const kept: [string, string][] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (PLAIN_ATTRIBUTES.has(name)) {
      kept.push([name, value]);
    } else if (name === 'style') {
      const style = filterStyle(value);
      if (style) kept.push([name, style]);
    } else if (name === 'href' && tag === 'a') {
      const url = normalizeUrl(value);
      if (SAFE_LINK.test(url)) kept.push([name, url]);
    } else if (name === 'src' && tag === 'img') {
      const url = normalizeUrl(value);
      if (REMOTE.test(url)) kept.push([REMOTE_SRC_ATTRIBUTE, url.startsWith('//') ? `https:${url}` : url]);
      else if (/^cid:/i.test(url) || INLINE_IMAGE.test(url)) kept.push([name, url]);
    } else if (name === 'background') {
      // a remote background would load on display; an inline part is shown like an img's cid
      const url = normalizeUrl(value);
      if (/^cid:/i.test(url)) kept.push([name, url]);
    }
  }
  if (tag === 'a') kept.push(['rel', 'noopener noreferrer'], ['target', '_blank']);
  return kept;
}

interface OpenElement {
  tag: string;
  /** written to the output, so its end tag must be too */
  emitted: boolean;
  /** this element or an ancestor is dropped with its content */
  dropping: boolean;
}

/**
 * Mail HTML made safe to show: an allow-list of formatting tags and attributes, links opening
 * elsewhere, no script, style, form, frame, event handler or dangerous URL, and no remote
 * content loaded on display (remote images keep their address in data-sportello-remote-src).
 * The output is well-formed: every text escaped, every opened element closed.
 */
export function sanitizeHtml(html: string): string {
  const out: string[] = [];
  const open: OpenElement[] = [];
  const dropping = () => open.length > 0 && open[open.length - 1]?.dropping === true;

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (dropping() || DROPPED_WITH_CONTENT.has(tag)) {
          open.push({ tag, emitted: false, dropping: true });
          return;
        }
        const emitted = ALLOWED_TAGS.has(tag);
        if (emitted) {
          let element = `<${tag}`;
          for (const [name, value] of safeAttributes(tag, attributes))
            element += ` ${name}="${escapeAttribute(value)}"`;
          out.push(`${element}>`);
        }
        open.push({ tag, emitted, dropping: false });
      },
      onclosetag(tag) {
        // htmlparser2 closes in nesting order; searching tolerates anything else
        let index = open.length - 1;
        while (index >= 0 && open[index]?.tag !== tag) index--;
        if (index < 0) return;
        for (const element of open.splice(index).reverse()) {
          if (element.emitted && !VOID_TAGS.has(element.tag)) out.push(`</${element.tag}>`);
        }
      },
      ontext(text) {
        if (!dropping()) out.push(escapeText(text));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out.join('');
}
