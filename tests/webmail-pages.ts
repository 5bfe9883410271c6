/**
 * Webmail pages for tests: one message open in Gmail, Outlook on the web or Proton Mail, with each client's real
 * structure around it (learned from public code that reads these clients: gmail.js, Outlook add-ins and
 * extensions, Proton's WebClients source) — navigation, the list of messages (which must never be read), the
 * conversation header, the sender, the date and the body. Used by unit tests (happy-dom) and end-to-end tests
 * (served at the client's real host name).
 */

export interface OpenMail {
  fromName: string;
  fromAddress: string;
  subject: string;
  /** The date the client shows, in its own format. */
  dateShown: string;
  /** The message's HTML body (or a plain-text body turned into HTML as the client shows it). */
  bodyHtml: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a client keeps of a mail's HTML: the body's content (no html/head/body, no scripts). */
export function bodyOf(html: string): string {
  const m = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  const inner = m ? (m[1] as string) : html;
  const styles = [...html.matchAll(/<style[^>]*>[\s\S]*?<\/style>/gi)].map((x) => x[0]).join('\n');
  return `${styles}\n${inner}`.replace(/<script[\s\S]*?<\/script>/gi, '');
}

/** A plain-text body as webmail clients show it: lines with breaks, addresses made into links. */
export function textAsHtml(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) =>
      esc(l).replace(/(https?:\/\/[^\s<>()]+)/g, (u) => `<a href="${u}" target="_blank" rel="noreferrer">${u}</a>`),
    );
  return `<div dir="ltr">${lines.join('<br>\n')}</div>`;
}

/** The message list every client shows beside the open message (other mails: must never be read). */
const OTHER_MAILS = [
  ['Nordbanken', 'Your statement is ready', 'Statement for October: 12 transactions'],
  ['Kari Hansen', 'Middag fredag?', 'Hei! Skal vi spise middag på fredag kl. 19?'],
  ['Bokhylla', 'Your receipt #88120', 'Total 149,00 kr. Next charge 23 December'],
];

export function gmailPage(m: OpenMail): string {
  const list = OTHER_MAILS.map(
    ([who, subj, snip]) =>
      `<tr class="zA zE" role="row"><td class="yX xY"><span class="bA4"><span email="x@example.com" name="${esc(who as string)}" class="zF">${esc(who as string)}</span></span></td><td class="xY a4W"><div class="xS"><span class="bog"><span>${esc(subj as string)}</span></span><span class="y2"> - ${esc(snip as string)}</span></div></td></tr>`,
  ).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(m.subject)} - alex.morgan@gmail.com - Gmail</title></head>
<body class="aAU">
<div id="loading" style="display:none">Loading alex.morgan@gmail.com…</div>
<div class="nH">
  <div class="nH oy8Mbf nn aeN" role="navigation">
    <div class="aim"><a href="#inbox" class="J-Ke n0" title="Inbox">Inbox</a> <span class="bsU">3</span></div>
    <div class="aim"><a href="#starred" class="J-Ke n0" title="Starred">Starred</a></div>
    <div class="aim"><a href="#sent" class="J-Ke n0" title="Sent">Sent</a></div>
  </div>
  <div class="nH bkK">
    <div class="aeF" style="display:none"><table class="F cf zt" role="grid"><tbody>${list}</tbody></table></div>
    <div role="main" class="nH">
      <div class="nH if">
        <div class="nH V8djrc byY"><div class="ha"><h2 class="hP" data-thread-perm-id="thread-f:1781234567890123456" tabindex="-1">${esc(m.subject)}</h2></div></div>
        <div role="list" class="nH">
          <div role="listitem" class="h7 ie nH oy8Mbf" aria-expanded="true">
            <div class="Bk"><div class="G3 G2"><div>
              <div class="adn ads" data-message-id="#msg-f:1781234567890123456" data-legacy-message-id="18b2f0c3a1d4e5f6">
                <div class="gs">
                  <div class="gE iv gt"><table class="cf gJ"><tbody><tr class="acZ">
                    <td class="gF gK"><table class="cf ix"><tbody><tr><td class="c2"><h3 class="iw gFxsud"><span class="qu" role="gridcell" tabindex="-1"><span email="${esc(m.fromAddress)}" name="${esc(m.fromName)}" data-hovercard-id="${esc(m.fromAddress)}" class="gD"><span>${esc(m.fromName)}</span></span> <span class="go"><span aria-hidden="true">&lt;</span>${esc(m.fromAddress)}<span aria-hidden="true">&gt;</span></span></span></h3></td></tr></tbody></table></td>
                    <td class="gH bAk"><div class="gK"><span></span><span class="g3" title="${esc(m.dateShown)}" alt="${esc(m.dateShown)}" role="gridcell" tabindex="-1">9:14 AM (2 hours ago)</span></div></td>
                  </tr><tr class="acZ xD"><td colspan="3"><table class="cf adz"><tbody><tr><td class="ady"><div class="iw ajw"><span class="hb">to <span dir="ltr" email="alex.morgan@gmail.com" name="me" class="g2">me</span></span></div></td></tr></tbody></table></td></tr></tbody></table></div>
                  <div class=""><div class="aHU hx"><div class="ii gt" jslog="20277; u014N:xr6bB"><div class="a3s aiL ">
${m.bodyHtml}
<div class="yj6qo"></div><div class="adL"></div>
                  </div></div><div class="hi"></div></div></div>
                </div>
              </div>
            </div></div></div>
          </div>
        </div>
        <div class="amn"><span class="ams bkH" role="link">Reply</span><span class="ams bkG" role="link">Forward</span></div>
      </div>
    </div>
  </div>
</div>
</body></html>`;
}

export function outlookPage(m: OpenMail): string {
  const list = OTHER_MAILS.map(
    ([who, subj, snip], i) =>
      `<div role="option" aria-selected="${i === 0 ? 'false' : 'false'}" data-convid="AAQkADAwATM${i}" class="hcptT"><div class="XG5Jd"><span title="x${i}@example.com" class="OZZZK">${esc(who as string)}</span></div><div class="IjzWp"><span class="TtcXM" title="${esc(subj as string)}">${esc(subj as string)}</span></div><div class="Zxt5f"><span class="FqgPc">${esc(snip as string)}</span></div></div>`,
  ).join('');
  return `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Mail - Alex Morgan - Outlook</title></head>
<body>
<div id="appRoot">
  <div role="navigation" aria-label="Navigation pane" class="ZnHiS"><div role="tree" aria-label="Folders"><div role="treeitem" title="Inbox">Inbox <span>3</span></div><div role="treeitem" title="Sent Items">Sent Items</div></div></div>
  <div class="Mq3cC" role="main">
    <div role="listbox" aria-label="Message list" class="jEpCF">${list}</div>
    <div id="ReadingPaneContainerId" data-app-section="MailReadCompose" class="ReadingPaneContainer">
      <div class="rdIKB">
        <div role="heading" aria-level="2" id="CONV_AAQkADAwATM4ZmYAZC0wMTdmLTk5_SUBJECT" class="JdFsz" title="${esc(m.subject)}"><span class="full UAxMv">${esc(m.subject)}</span></div>
      </div>
      <div class="aVla3">
        <div aria-label="Email message" class="Uvla8" tabindex="-1">
          <div class="l8Tnu"><div id="MSG_AAMkADAwATM4ZmYAZC0wMTdmLTk5_FROM" class="iQ3Sx"><span aria-label="From: ${esc(m.fromName)}&lt;${esc(m.fromAddress)}&gt;" class="OZZZK"><span>${esc(m.fromName)}</span><span class="L4Iqk">&lt;${esc(m.fromAddress)}&gt;</span></span></div>
            <div id="MSG_AAMkADAwATM4ZmYAZC0wMTdmLTk5_TO" class="DQ6x8">To:&nbsp;<span>Alex Morgan</span></div>
            <div data-testid="SentReceivedSavedTime" class="AL_OM l8Tnu I1wdR" title="${esc(m.dateShown)}">${esc(m.dateShown)}</div></div>
          <div id="UniqueMessageBody_1" class="XbIp4 jmmB7 GNqVo allowTextSelection OuGoX" aria-label="Message body" role="document" tabindex="0"><div><div class="rps_5e1a">
${m.bodyHtml}
          </div></div></div>
        </div>
        <div class="th6py"><div aria-label="Reply" role="button">Reply</div><div aria-label="Forward" role="button">Forward</div></div>
      </div>
    </div>
  </div>
</div>
</body></html>`;
}

/**
 * Proton Mail renders the body in a same-origin iframe (sandbox allow-same-origin, src about:blank) and writes it
 * in with a script; `inlineBody` writes it with the page's own script (end-to-end), else the caller fills it.
 */
export function protonPage(m: OpenMail, opts: { inlineBody?: boolean } = {}): string {
  const list = OTHER_MAILS.map(
    ([who, subj], i) =>
      `<div class="item-container" data-testid="message-item:${i}" data-shortcut-target="item-container"><span data-testid="message-column:sender-address" title="x${i}@example.com">${esc(who as string)}</span><span data-testid="message-column:subject" title="${esc(subj as string)}">${esc(subj as string)}</span></div>`,
  ).join('');
  const script = opts.inlineBody
    ? `<script>
(function () {
  var frame = document.querySelector('iframe[data-testid="content-iframe"]');
  var html = ${JSON.stringify(m.bodyHtml).replace(/</g, '\\u003c')};
  var doc = frame.contentDocument;
  doc.open();
  doc.write('<html><head><meta name="viewport" content="width=device-width"></head><body><div id="proton-root"><div style="width: 100% !important;padding-bottom:10px;!important">' + html + '</div></div></body></html>');
  doc.close();
})();
</script>`
    : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Inbox | alex.morgan@proton.me | Proton Mail</title></head>
<body>
<div class="content-container flex flex-column">
  <nav class="navigation" aria-label="Navigation"><a href="/u/0/inbox" data-testid="navigation-link:inbox">Inbox</a><a href="/u/0/sent">Sent</a></nav>
  <div class="items-column-list" data-testid="message-list">${list}</div>
  <section class="view-column-detail" data-testid="conversation-view">
    <header class="message-conversation-summary"><h1 class="message-conversation-summary-header" data-testid="conversation-header:subject" title="${esc(m.subject)}">${esc(m.subject)}</h1></header>
    <article class="message-container is-opened" data-testid="message-view-0" tabindex="-1">
      <div class="message-header message-header-expanded is-inbound" data-testid="message-header-expanded:0">
        <div class="message-header-from-container"><span class="message-recipient-item" data-testid="recipients:sender" title="${esc(m.fromAddress)}"><span data-testid="recipient-label">${esc(m.fromName)}</span> <span data-testid="recipient-address">&lt;${esc(m.fromAddress)}&gt;</span></span></div>
        <span class="item-date" title="${esc(m.dateShown)}" aria-hidden="true" data-testid="item-date-full">${esc(m.dateShown)}</span><span class="sr-only">${esc(m.dateShown)}</span>
      </div>
      <div class="message-content"><iframe title="Email content" src="about:blank" scrolling="yes" frameborder="0" class="w-full" data-testid="content-iframe" data-subject="${esc(m.subject)}" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></div>
    </article>
  </section>
</div>
${script}
</body></html>`;
}
