import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../server/domain/mail/inbound/sanitize-html.ts';

describe('sanitizeHtml', () => {
  it('keeps formatting, text and entities', () => {
    const html =
      '<div><h2>Oggetto</h2><p>Prezzo: 10&nbsp;&euro; &amp; <b>IVA</b> <i>esclusa</i> <u>x</u> <font color="#336699" face="Arial">blu</font></p>' +
      '<ul><li>uno</li></ul><table border="1" cellpadding="2"><tr><td colspan="2" align="right">c</td></tr></table>' +
      '<blockquote>citazione</blockquote><pre>  a\n  b</pre><hr><br><center><small>piè</small></center>x<sup>2</sup></div>';
    expect(sanitizeHtml(html)).toBe(
      '<div><h2>Oggetto</h2><p>Prezzo: 10\u00a0€ &amp; <b>IVA</b> <i>esclusa</i> <u>x</u> <font color="#336699" face="Arial">blu</font></p>' +
        '<ul><li>uno</li></ul><table border="1" cellpadding="2"><tr><td colspan="2" align="right">c</td></tr></table>' +
        '<blockquote>citazione</blockquote><pre>  a\n  b</pre><hr><br><center><small>piè</small></center>x<sup>2</sup></div>',
    );
  });

  it('removes script, style, frames, objects, forms, svg, math, meta, base, link, noscript, template with their content', () => {
    const html =
      '<p>prima</p><script>alert(1)</script><style>p{color:red}</style><iframe src="x">if</iframe>' +
      '<object data="x">ob</object><embed src="x"><form action="x">testo<input value="v"><button>invia</button>' +
      '<select><option>opz</option></select><textarea>ta</textarea></form><svg><script>s</script><text>sv</text></svg>' +
      '<math><mi>m</mi></math><base href="https://evil.example/"><meta http-equiv="refresh" content="0">' +
      '<link rel="stylesheet" href="https://evil.example/x.css"><noscript>ns</noscript><template>tp</template><p>dopo</p>';
    expect(sanitizeHtml(html)).toBe('<p>prima</p><p>dopo</p>');
  });

  it('drops every event handler and unknown attribute, keeping the element', () => {
    const out = sanitizeHtml(
      '<p onclick="x()" ONMOUSEOVER="y()" id="a" class="b" data-x="1" title="t">p</p><img src="cid:a" onerror="z()">',
    );
    expect(out).toBe('<p title="t">p</p><img src="cid:a">');
  });

  it('unwraps unknown tags (document shell, Outlook o:p) but keeps their text', () => {
    expect(sanitizeHtml('<html><head></head><body><o:p>Outlook</o:p><custom>testo</custom></body></html>')).toBe(
      'Outlooktesto',
    );
  });

  it('keeps http, https and mailto links only, opening them elsewhere', () => {
    const out = sanitizeHtml(
      '<a href="https://e.it/a?b=1&amp;c=2">s</a><a href="http://e.it">h</a><a href="mailto:x@e.it">m</a>' +
        '<a href="javascript:alert(1)">j</a><a href="JaVaScRiPt&colon;alert(1)">j2</a><a href="java\tscript:alert(1)">j3</a>' +
        '<a href="&#106;avascript:alert(1)">j4</a><a href=" vbscript:x">v</a><a href="data:text/html,<script>">d</a>' +
        '<a href="/api/v1/tickets">rel</a><a href="//evil.example/">pr</a>',
    );
    expect(out).toBe(
      '<a href="https://e.it/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">s</a>' +
        '<a href="http://e.it" rel="noopener noreferrer" target="_blank">h</a>' +
        '<a href="mailto:x@e.it" rel="noopener noreferrer" target="_blank">m</a>' +
        ['j', 'j2', 'j3', 'j4', 'v', 'd', 'rel', 'pr']
          .map((label) => `<a rel="noopener noreferrer" target="_blank">${label}</a>`)
          .join(''),
    );
    expect(out).not.toMatch(/script:/i);
  });

  it('loads no remote image: the address moves to data-sportello-remote-src; cid and inline data images stay', () => {
    const out = sanitizeHtml(
      '<img src="https://tracker.example/p.gif?u=1&amp;m=2" width="1" height="1" alt="">' +
        '<img src="HTTP://tracker.example/q.gif"><img src="//tracker.example/r.gif">' +
        '<img src="cid:logo@sportello.test" alt="logo"><img src="data:image/png;base64,iVBORw0KGgo=">' +
        '<img src="data:image/svg+xml;base64,PHN2Zz4="><img src="file:///etc/passwd">',
    );
    expect(out).toBe(
      '<img data-sportello-remote-src="https://tracker.example/p.gif?u=1&amp;m=2" width="1" height="1" alt="">' +
        '<img data-sportello-remote-src="HTTP://tracker.example/q.gif">' +
        '<img data-sportello-remote-src="https://tracker.example/r.gif">' +
        '<img src="cid:logo@sportello.test" alt="logo"><img src="data:image/png;base64,iVBORw0KGgo=">' +
        '<img><img>',
    );
    expect(out).not.toMatch(/ src="(https?:)?\/\//i);
  });

  it('drops remote background attributes, and an author-written data-sportello-remote-src', () => {
    expect(
      sanitizeHtml(
        '<table background="https://t.example/bg.png"><tr><td background="cid:bg@x">c</td></tr></table>' +
          '<img data-sportello-remote-src="javascript:alert(1)">',
      ),
    ).toBe('<table><tr><td background="cid:bg@x">c</td></tr></table><img>');
  });

  it('keeps harmless CSS (colours, bold, alignment) and drops what loads, runs or escapes', () => {
    const out = sanitizeHtml(
      '<p style="color: red; FONT-WEIGHT: bold; text-align:center; background-color:#ff0; position: fixed; top:0; ' +
        'background: url(https://t.example/x.png); width: expression(alert(1)); font-family: \\75 rl(x); ' +
        'behavior: url(x.htc); -moz-binding: url(x); z-index: 9999">x</p>',
    );
    expect(out).toBe('<p style="color: red; font-weight: bold; text-align: center; background-color: #ff0">x</p>');
  });

  it('escapes text and attributes, and closes every element it opens', () => {
    expect(sanitizeHtml('<p title=\'"><script>alert(1)</script>\'>a &lt;b&gt; "c"</p>')).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">a &lt;b&gt; "c"</p>',
    );
    expect(sanitizeHtml('<div><table><tr><td><b>aperto')).toBe(
      '<div><table><tr><td><b>aperto</b></td></tr></table></div>',
    );
    expect(sanitizeHtml('chiuso</b></div></p>')).toBe('chiuso<p></p>');
  });

  it('does not let an unclosed dangerous element or a comment leak', () => {
    expect(sanitizeHtml('<p>a</p><script>alert(1)')).toBe('<p>a</p>');
    expect(sanitizeHtml('<p>a<!-- <img src=x onerror=alert(1)> --></p><!--[if mso]><p>mso</p><![endif]-->')).toBe(
      '<p>a</p>',
    );
    expect(sanitizeHtml('<<script>script>alert(1)<</script>/script>')).not.toContain('<script');
  });
});
