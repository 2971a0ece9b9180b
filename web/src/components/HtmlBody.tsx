import { useState } from 'react';

/** Where the server's sanitiser keeps a remote image's address, to load it only when asked. */
const REMOTE = /data-sportello-remote-src="([^"]*)"/g;

export const hasRemoteImages = (html: string) => html.includes('data-sportello-remote-src="');

/**
 * An article's sanitised HTML in a sandboxed frame: no script can run, nothing is fetched but the
 * desk's own inline images, unless `remote` (the reader asked for the remote images).
 */
export function HtmlBody({ html, remote }: { html: string; remote: boolean }) {
  const shown = remote ? html.replace(REMOTE, 'src="$1"') : html;
  const policy = `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:${remote ? ' https: http:' : ''}`;
  const doc = `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><base target="_blank">${shown}`;
  const [height, setHeight] = useState(200);
  return (
    <iframe
      title="article"
      sandbox="allow-same-origin allow-popups"
      srcDoc={doc}
      style={{ border: 0, width: '100%', height }}
      onLoad={(event) => setHeight((event.currentTarget.contentDocument?.body.scrollHeight ?? 180) + 20)}
    />
  );
}
