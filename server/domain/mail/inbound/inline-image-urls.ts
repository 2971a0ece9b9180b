/** One tag of sanitised HTML: text there escapes < and >, so every <…> is markup. */
const TAG = /<[a-z][a-z0-9]*\b[^<>]*>/gi;
const CID_ATTRIBUTE = /(\s(?:src|background)=")cid:([^"]*)"/gi;

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A cid: URL is the Content-ID URL-encoded (RFC 2392); mail programs also write it raw. */
function contentIdOf(url: string): string {
  try {
    return decodeURIComponent(url).trim();
  } catch {
    return url.trim();
  }
}

/**
 * Points the cid: references of a sanitised HTML body (img src, background) at the attachments
 * that carry those Content-IDs, so inline images show in place. A reference with no matching
 * attachment is left as it is. Content-IDs are compared exactly, then ignoring case, since
 * some mailers change the case of one side.
 */
export function inlineImagesToUrls(
  html: string,
  attachments: { id: number; contentId: string | null }[],
  urlFor: (attachmentId: number) => string,
): string {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  for (const { id, contentId } of attachments) {
    if (!contentId) continue;
    if (!exact.has(contentId)) exact.set(contentId, id);
    if (!folded.has(contentId.toLowerCase())) folded.set(contentId.toLowerCase(), id);
  }
  if (!exact.size || !/cid:/i.test(html)) return html;
  return html.replace(TAG, (tag) =>
    tag.replace(CID_ATTRIBUTE, (attribute, prefix: string, url: string) => {
      const contentId = contentIdOf(unescapeAttribute(url));
      const id = exact.get(contentId) ?? folded.get(contentId.toLowerCase());
      return id === undefined ? attribute : `${prefix}${escapeAttribute(urlFor(id))}"`;
    }),
  );
}
