import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineImagesToUrls } from '../../server/domain/mail/inbound/inline-image-urls.ts';
import { parseMessage } from '../../server/domain/mail/inbound/parse-message.ts';
import { addNote } from '../../server/domain/tickets/commands/add-note.ts';
import { getAttachment, listArticles } from '../../server/domain/tickets/queries/ticket-articles.ts';
import { makeDesk, makeTicket } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';

const urlFor = (id: number) => `/files/${id}`;

describe('inlineImagesToUrls', () => {
  it('points cid: images and backgrounds at their attachments, leaving unknown ones and text alone', () => {
    const html =
      '<p>src="cid:logo@x" as text</p><img src="cid:logo@x" alt="l"><img src="cid:LOGO@X">' +
      '<img src="cid:foto%201@x"><td background="cid:bg@x">c</td><img src="cid:altro@x">';
    const attachments = [
      { id: 7, contentId: 'logo@x' },
      { id: 8, contentId: 'foto 1@x' },
      { id: 9, contentId: 'bg@x' },
      { id: 10, contentId: null },
    ];
    expect(inlineImagesToUrls(html, attachments, urlFor)).toBe(
      '<p>src="cid:logo@x" as text</p><img src="/files/7" alt="l"><img src="/files/7">' +
        '<img src="/files/8"><td background="/files/9">c</td><img src="cid:altro@x">',
    );
  });
});

describe('the articles of a ticket', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('show a received inline image in place, through the attachment download route', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id: ticketId } = await makeTicket(ctx, agent, queue.id);
    const mail = await parseMessage(readFileSync(new URL('./corpus/09-related-inline-image.eml', import.meta.url)));
    const { articleId } = await addNote(ctx, agent, ticketId, {
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html,
      attachments: mail.attachments,
    });

    const article = (await listArticles(ctx, agent, ticketId)).find((entry) => entry.id === articleId);
    const image = article?.attachments[0];
    expect(image).toMatchObject({ filename: 'schermata.png', contentId: 'schermata.png@01D44C1E', inline: true });
    const url = `/api/v1/tickets/${ticketId}/attachments/${image?.id}`;
    expect(article?.bodyHtml).toBe(
      `<p>Ecco l'errore che compare:</p><p><img src="${url}" alt="schermata" width="1" height="1"></p>`,
    );
    const file = await getAttachment(ctx, agent, ticketId, image?.id ?? 0);
    expect(file.contentType).toBe('image/png');
  });
});
