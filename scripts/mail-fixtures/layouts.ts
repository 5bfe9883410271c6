/**
 * The HTML structures real transactional mailers produce, one renderer per family (learned from public templates:
 * Postmark's and Mailgun's transactional templates, Stripe's receipts, MJML output, Shopify's order notifications,
 * Nordic payment and telecom mails): single-column tables, labels and values in separate cells, no `<title>`, the
 * brand in a logo's `alt` or only in the footer. Test tooling only.
 */
import type { Block, Inline, MailSpec } from './spec';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `[label](url)` → link, `**b**` → bold; everything else escaped. */
export function inline(text: Inline, linkStyle = 'color:#3869d4'): string {
  let out = '';
  const re = /\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out += esc(text.slice(at, m.index));
    if (m[1] !== undefined)
      out += `<a href="${esc(m[2] as string)}" style="${linkStyle}" target="_blank">${esc(m[1])}</a>`;
    else out += `<strong>${esc(m[3] as string)}</strong>`;
    at = m.index + m[0].length;
  }
  return out + esc(text.slice(at));
}

/** The text alternative: links as `label ( url )`, as Postmark's text templates write them. */
export function plainInline(text: Inline): string {
  return text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ( $2 )').replace(/\*\*([^*]+)\*\*/g, '$1');
}

export function textVersion(spec: MailSpec): string {
  const out: string[] = [];
  if (!spec.noMasthead) out.push(spec.brand, '');
  for (const b of spec.blocks) {
    if ('h' in b) out.push(plainInline(b.h), '-'.repeat(Math.min(40, b.h.length)), '');
    else if ('p' in b) out.push(plainInline(b.p), '');
    else if ('small' in b) out.push(plainInline(b.small), '');
    else if ('kv' in b) {
      for (const [k, v] of b.kv) out.push(`${plainInline(k)}: ${plainInline(v)}`);
      out.push('');
    } else if ('items' in b) {
      if (b.head) out.push(`${plainInline(b.head[0])}    ${plainInline(b.head[1])}`);
      for (const [k, v] of [...b.items, ...(b.sums ?? [])]) out.push(`${plainInline(k)}    ${plainInline(v)}`);
      out.push('');
    } else if ('button' in b) out.push(`${plainInline(b.button)}: ${b.href}`, '');
    else out.push('---', '');
  }
  for (const f of spec.footer) out.push(plainInline(f));
  return `${out.join('\n').trim()}\n`;
}

const FONT = 'font-family:Helvetica,Arial,sans-serif';

function head(extraCss = ''): string {
  return `<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="x-apple-disable-message-reformatting">
<title></title>
<style type="text/css">
body{margin:0;padding:0;-webkit-text-size-adjust:100%}table{border-collapse:collapse}
@media only screen and (max-width:600px){.mobile-hide{display:none!important}.w100{width:100%!important}}
${extraCss}
</style>
<!--[if mso]><style type="text/css">body,table,td{font-family:Arial,sans-serif!important}</style><![endif]-->
</head>`;
}

function preheader(spec: MailSpec): string {
  if (!spec.preheader) return '';
  return `<span class="preheader" style="display:none!important;visibility:hidden;mso-hide:all;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden">${esc(spec.preheader)}</span>\n`;
}

function logo(spec: MailSpec, size = 120): string {
  const file = spec.brand.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `<img src="https://cdn.mailassets.example/${file}/logo@2x.png" width="${size}" alt="${esc(spec.brand)}" style="display:block;border:0;outline:none;text-decoration:none;height:auto">`;
}

// ——— Postmark family: masthead, content cell, purchase table with th headers, footer table ———

function postmarkBlock(b: Block): string {
  if ('h' in b)
    return `<h1 style="margin-top:0;color:#333333;font-size:22px;font-weight:bold;text-align:left">${inline(b.h)}</h1>`;
  if ('p' in b)
    return `<p style="margin:.4em 0 1.1875em;font-size:16px;line-height:1.625;color:#51545e">${inline(b.p)}</p>`;
  if ('small' in b) return `<p class="sub" style="font-size:13px;color:#6b6e76">${inline(b.small)}</p>`;
  if ('button' in b) {
    return `<table class="body-action" align="center" width="100%" cellpadding="0" cellspacing="0" role="presentation"><tr><td align="center">
<table width="100%" border="0" cellspacing="0" cellpadding="0" role="presentation"><tr><td align="center">
<a href="${esc(b.href)}" class="f-fallback button button--green" target="_blank" style="background-color:#22bc66;border-top:10px solid #22bc66;border-right:18px solid #22bc66;border-bottom:10px solid #22bc66;border-left:18px solid #22bc66;display:inline-block;color:#fff;text-decoration:none;border-radius:3px">${inline(b.button)}</a>
</td></tr></table></td></tr></table>`;
  }
  if ('kv' in b) return kvTable(b.kv, b.style ?? 'side', 'attributes');
  if ('items' in b) {
    const headRow = b.head
      ? `<tr><th class="purchase_heading" align="left"><p class="f-fallback" style="font-size:12px;margin:0;color:#85878e">${inline(b.head[0])}</p></th><th class="purchase_heading" align="right"><p class="f-fallback" style="font-size:12px;margin:0;color:#85878e">${inline(b.head[1])}</p></th></tr>`
      : '';
    const rows = b.items
      .map(
        ([d, a]) =>
          `<tr><td width="80%" class="purchase_item"><span class="f-fallback">${inline(d)}</span></td><td class="align-right" width="20%" align="right"><span class="f-fallback">${inline(a)}</span></td></tr>`,
      )
      .join('\n');
    const sums = (b.sums ?? [])
      .map(
        ([d, a]) =>
          `<tr><td width="80%" class="purchase_footer" valign="middle"><p class="f-fallback purchase_total purchase_total--label" style="margin:0;font-weight:bold;text-align:right">${inline(d)}</p></td><td width="20%" class="purchase_footer" valign="middle"><p class="f-fallback purchase_total" style="margin:0;font-weight:bold;text-align:right">${inline(a)}</p></td></tr>`,
      )
      .join('\n');
    return `<table class="purchase" width="100%" cellpadding="0" cellspacing="0" role="presentation"><tr><td colspan="2">
<table class="purchase_content" width="100%" cellpadding="0" cellspacing="0">
${headRow}
${rows}
${sums}
</table></td></tr></table>`;
  }
  return '<hr style="border:0;border-top:1px solid #eaeaec">';
}

function kvTable(rows: Array<[Inline, Inline]>, style: 'side' | 'stacked' | 'columns' | 'inline', cls: string): string {
  if (style === 'inline') {
    return `<p style="font-size:15px;line-height:1.6">${rows.map(([k, v]) => `<strong>${inline(k)}:</strong> ${inline(v)}`).join('<br>\n')}</p>`;
  }
  if (style === 'columns') {
    return `<table class="${cls}" width="100%" cellpadding="0" cellspacing="0" role="presentation">
<tr>${rows.map(([k]) => `<td style="${FONT};font-size:11px;color:#8898aa;text-transform:uppercase;white-space:nowrap;font-weight:bold;padding-right:20px">${inline(k)}</td>`).join('')}</tr>
<tr>${rows.map(([, v]) => `<td style="${FONT};font-size:15px;color:#525f7f;white-space:nowrap;padding-right:20px">${inline(v)}</td>`).join('')}</tr>
</table>`;
  }
  if (style === 'stacked') {
    return `<table class="${cls}" width="100%" cellpadding="0" cellspacing="0" role="presentation">
${rows.map(([k, v]) => `<tr><td style="${FONT};font-size:12px;color:#8a8a8a;padding-top:12px">${inline(k)}</td></tr>\n<tr><td style="${FONT};font-size:16px;color:#222;font-weight:bold">${inline(v)}</td></tr>`).join('\n')}
</table>`;
  }
  return `<table class="${cls}" width="100%" cellpadding="0" cellspacing="0" role="presentation">
${rows.map(([k, v]) => `<tr><td class="${cls}_item" style="${FONT};padding:6px 0;color:#51545e"><strong>${inline(k)}</strong></td><td class="${cls}_item" align="right" style="${FONT};padding:6px 0;color:#333">${inline(v)}</td></tr>`).join('\n')}
</table>`;
}

function postmark(spec: MailSpec): string {
  const masthead = spec.noMasthead
    ? ''
    : `<tr><td class="email-masthead" align="center" style="padding:25px 0;text-align:center">${
        spec.logo
          ? logo(spec)
          : `<a href="https://www.example.invalid/" class="f-fallback email-masthead_name" style="font-size:16px;font-weight:bold;color:#a8aaaf;text-decoration:none">${esc(spec.brand)}</a>`
      }</td></tr>`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
${head('.preheader{display:none!important}')}
<body style="width:100%!important;height:100%;margin:0;background-color:#f4f4f7">
${preheader(spec)}<table class="email-wrapper" width="100%" cellpadding="0" cellspacing="0" role="presentation" style="background-color:#f4f4f7">
<tr><td align="center">
<table class="email-content" width="100%" cellpadding="0" cellspacing="0" role="presentation">
${masthead}
<!-- Email Body -->
<tr><td class="email-body" width="570" cellpadding="0" cellspacing="0" style="background-color:#ffffff">
<table class="email-body_inner" align="center" width="570" cellpadding="0" cellspacing="0" role="presentation">
<tr><td class="content-cell" style="padding:45px">
<div class="f-fallback">
${spec.blocks.map(postmarkBlock).join('\n')}
</div>
</td></tr></table></td></tr>
<tr><td>
<table class="email-footer" align="center" width="570" cellpadding="0" cellspacing="0" role="presentation"><tr><td class="content-cell" align="center" style="padding:45px">
${spec.footer.map((f) => `<p class="f-fallback sub align-center" style="font-size:13px;color:#a8aaaf;text-align:center">${inline(f, 'color:#a8aaaf')}</p>`).join('\n')}
</td></tr></table>
</td></tr>
</table></td></tr></table>
</body>
</html>`;
}

// ——— Stripe family: logo, big text cells (no headings), a label row then a value row, summary table ———

function stripeBlock(b: Block): string {
  const cell = (inner: string) =>
    `<tr><td style="padding:0 48px"><table width="100%" cellpadding="0" cellspacing="0"><tr><td>${inner}</td></tr></table></td></tr>`;
  if ('h' in b)
    return cell(`<span style="${FONT};font-size:24px;line-height:32px;color:#32325d">${inline(b.h)}</span>`);
  if ('p' in b)
    return cell(`<span style="${FONT};font-size:15px;line-height:24px;color:#525f7f">${inline(b.p)}</span>`);
  if ('small' in b)
    return cell(`<span style="${FONT};font-size:13px;line-height:20px;color:#8898aa">${inline(b.small)}</span>`);
  if ('kv' in b) return cell(kvTable(b.kv, b.style ?? 'columns', 'st-kv'));
  if ('button' in b) {
    return cell(
      `<table cellpadding="0" cellspacing="0"><tr><td style="border-radius:4px;background:#556cd6"><a href="${esc(b.href)}" style="${FONT};font-size:15px;color:#ffffff;text-decoration:none;padding:8px 16px;display:inline-block">${inline(b.button, 'color:#ffffff')}</a></td></tr></table>`,
    );
  }
  if ('items' in b) {
    const row = (d: string, a: string, bold = false) =>
      `<tr><td style="${FONT};font-size:14px;color:#525f7f;padding:8px 0${bold ? ';font-weight:bold' : ''}">${inline(d)}</td><td align="right" style="${FONT};font-size:14px;color:#525f7f;padding:8px 0${bold ? ';font-weight:bold' : ''}">${inline(a)}</td></tr>`;
    const headRow = b.head
      ? `<tr><td colspan="2" style="${FONT};font-size:11px;color:#8898aa;text-transform:uppercase;font-weight:bold">${inline(b.head[0])}</td></tr>`
      : '';
    return cell(`<table width="100%" cellpadding="0" cellspacing="0" style="background:#f6f9fc;border-radius:4px;padding:8px 16px">
${headRow}
${b.items.map(([d, a]) => row(d, a)).join('\n')}
<tr><td colspan="2" style="border-top:1px solid #e6ebf1;height:1px;line-height:1px;font-size:1px">&nbsp;</td></tr>
${(b.sums ?? []).map(([d, a], i, all) => row(d, a, i === all.length - 1)).join('\n')}
</table>`);
  }
  return cell('<div style="border-top:1px solid #e6ebf1;height:1px">&nbsp;</div>');
}

function stripe(spec: MailSpec): string {
  return `<!DOCTYPE html>
<html lang="en">
${head()}
<body style="background-color:#f6f9fc;margin:0">
${preheader(spec)}<table width="100%" cellpadding="0" cellspacing="0" role="presentation" style="background-color:#f6f9fc"><tr><td align="center" style="padding:32px 0">
<table width="600" cellpadding="0" cellspacing="0" role="presentation" style="background:#ffffff;border-radius:8px">
${spec.noMasthead ? '' : `<tr><td style="padding:32px 48px 16px">${logo(spec, 64)}</td></tr>`}
${spec.blocks.map(stripeBlock).join('\n<tr><td height="16" style="font-size:1px;line-height:1px">&nbsp;</td></tr>\n')}
<tr><td style="padding:24px 48px 32px">
${spec.footer.map((f) => `<p style="${FONT};font-size:12px;line-height:16px;color:#8898aa;margin:8px 0">${inline(f, 'color:#556cd6')}</p>`).join('\n')}
</td></tr>
</table></td></tr></table>
</body>
</html>`;
}

// ——— MJML family: div wrappers around presentation tables, text in styled divs, Outlook conditionals ———

function mjmlBlock(b: Block): string {
  const text = (inner: string, size = 15, extra = '') =>
    `<tr><td align="left" style="font-size:0px;padding:10px 25px;word-break:break-word;"><div style="${FONT};font-size:${size}px;line-height:1.5;text-align:left;color:#1f2937;${extra}">${inner}</div></td></tr>`;
  if ('h' in b) return text(inline(b.h), 26, 'font-weight:700;');
  if ('p' in b) return text(inline(b.p));
  if ('small' in b) return text(inline(b.small), 12, 'color:#6b7280;');
  if ('kv' in b) {
    if ((b.style ?? 'side') === 'side') {
      return `<tr><td align="left" style="font-size:0px;padding:10px 25px;word-break:break-word;"><table cellpadding="0" cellspacing="0" width="100%" border="0" style="color:#1f2937;${FONT};font-size:15px;line-height:22px;table-layout:auto;width:100%;border:none;">
${b.kv.map(([k, v]) => `<tr style="border-bottom:1px solid #e5e7eb;"><td style="padding:8px 0;">${inline(k)}</td><td style="padding:8px 0;text-align:right;font-weight:600;">${inline(v)}</td></tr>`).join('\n')}
</table></td></tr>`;
    }
    return `<tr><td style="padding:10px 25px">${kvTable(b.kv, b.style ?? 'side', 'mj-kv')}</td></tr>`;
  }
  if ('button' in b) {
    return `<tr><td align="center" vertical-align="middle" style="font-size:0px;padding:10px 25px;word-break:break-word;"><table border="0" cellpadding="0" cellspacing="0" role="presentation" style="border-collapse:separate;line-height:100%;"><tr><td align="center" bgcolor="#111827" role="presentation" style="border:none;border-radius:6px;cursor:auto;mso-padding-alt:10px 25px;background:#111827;" valign="middle"><a href="${esc(b.href)}" style="display:inline-block;background:#111827;color:#ffffff;${FONT};font-size:15px;font-weight:600;line-height:120%;margin:0;text-decoration:none;text-transform:none;padding:10px 25px;mso-padding-alt:0px;border-radius:6px;" target="_blank">${inline(b.button, 'color:#ffffff')}</a></td></tr></table></td></tr>`;
  }
  if ('items' in b) {
    const all = [...(b.head ? [b.head] : []), ...b.items, ...(b.sums ?? [])];
    return `<tr><td align="left" style="font-size:0px;padding:10px 25px;word-break:break-word;"><table cellpadding="0" cellspacing="0" width="100%" border="0" style="color:#1f2937;${FONT};font-size:14px;line-height:22px;table-layout:auto;width:100%;border:none;">
${all.map(([d, a], i) => `<tr${i === all.length - 1 ? ' style="font-weight:700;border-top:2px solid #111827;"' : ''}><td style="padding:6px 0;">${inline(d)}</td><td style="padding:6px 0;text-align:right;">${inline(a)}</td></tr>`).join('\n')}
</table></td></tr>`;
  }
  return `<tr><td style="font-size:0px;padding:10px 25px;word-break:break-word;"><p style="border-top:solid 1px #e5e7eb;font-size:1px;margin:0px auto;width:100%;"></p></td></tr>`;
}

function mjml(spec: MailSpec): string {
  const section = (
    rows: string,
  ) => `<!--[if mso | IE]><table align="center" border="0" cellpadding="0" cellspacing="0" class="" style="width:600px;" width="600" ><tr><td style="line-height:0px;font-size:0px;mso-line-height-rule:exactly;"><![endif]-->
<div style="background:#ffffff;background-color:#ffffff;margin:0px auto;max-width:600px;">
<table align="center" border="0" cellpadding="0" cellspacing="0" role="presentation" style="background:#ffffff;background-color:#ffffff;width:100%;"><tbody><tr><td style="direction:ltr;font-size:0px;padding:20px 0;text-align:center;">
<!--[if mso | IE]><table role="presentation" border="0" cellpadding="0" cellspacing="0"><tr><td class="" style="vertical-align:top;width:600px;" ><![endif]-->
<div class="mj-column-per-100 mj-outlook-group-fix" style="font-size:0px;text-align:left;direction:ltr;display:inline-block;vertical-align:top;width:100%;">
<table border="0" cellpadding="0" cellspacing="0" role="presentation" style="vertical-align:top;" width="100%"><tbody>
${rows}
</tbody></table></div>
<!--[if mso | IE]></td></tr></table><![endif]-->
</td></tr></tbody></table></div>
<!--[if mso | IE]></td></tr></table><![endif]-->`;
  const top = spec.noMasthead
    ? ''
    : section(
        `<tr><td align="center" style="font-size:0px;padding:10px 25px;word-break:break-word;"><table border="0" cellpadding="0" cellspacing="0" role="presentation" style="border-collapse:collapse;border-spacing:0px;"><tbody><tr><td style="width:140px;">${logo(spec, 140)}</td></tr></tbody></table></td></tr>`,
      );
  const foot = section(
    spec.footer
      .map(
        (f) =>
          `<tr><td align="center" style="font-size:0px;padding:4px 25px;word-break:break-word;"><div style="${FONT};font-size:11px;line-height:1.5;text-align:center;color:#9ca3af;">${inline(f, 'color:#9ca3af;text-decoration:underline')}</div></td></tr>`,
      )
      .join('\n'),
  );
  return `<!doctype html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
${head('#outlook a{padding:0;}.mj-outlook-group-fix{width:100%!important;}')}
<body style="word-spacing:normal;background-color:#f3f4f6;">
${preheader(spec)}<div style="background-color:#f3f4f6;">
${top}
${section(spec.blocks.map(mjmlBlock).join('\n'))}
${foot}
</div>
</body>
</html>`;
}

// ——— Nordic family (payment, telecom, media houses): logo, two-column label/value tables, org. number footer ———

function nordicBlock(b: Block): string {
  if ('h' in b)
    return `<tr><td style="padding:24px 32px 8px;${FONT};font-size:22px;font-weight:bold;color:#0b1f35">${inline(b.h)}</td></tr>`;
  if ('p' in b)
    return `<tr><td style="padding:8px 32px;${FONT};font-size:15px;line-height:22px;color:#0b1f35">${inline(b.p)}</td></tr>`;
  if ('small' in b)
    return `<tr><td style="padding:8px 32px;${FONT};font-size:12px;color:#6b7b8c">${inline(b.small)}</td></tr>`;
  if ('kv' in b) return `<tr><td style="padding:8px 32px">${kvTable(b.kv, b.style ?? 'side', 'nd')}</td></tr>`;
  if ('button' in b) {
    return `<tr><td style="padding:16px 32px"><a href="${esc(b.href)}" style="background:#ff5b24;color:#ffffff;${FONT};font-size:15px;font-weight:bold;text-decoration:none;padding:12px 24px;border-radius:24px;display:inline-block">${inline(b.button, 'color:#ffffff')}</a></td></tr>`;
  }
  if ('items' in b) {
    const rows = [...(b.head ? [b.head] : []), ...b.items].map(
      ([d, a]) =>
        `<tr><td style="${FONT};font-size:14px;padding:6px 0;border-bottom:1px solid #e3e7eb">${inline(d)}</td><td align="right" style="${FONT};font-size:14px;padding:6px 0;border-bottom:1px solid #e3e7eb">${inline(a)}</td></tr>`,
    );
    const sums = (b.sums ?? []).map(
      ([d, a], i, all) =>
        `<tr><td style="${FONT};font-size:14px;padding:6px 0${i === all.length - 1 ? ';font-weight:bold' : ''}">${inline(d)}</td><td align="right" style="${FONT};font-size:14px;padding:6px 0${i === all.length - 1 ? ';font-weight:bold' : ''}">${inline(a)}</td></tr>`,
    );
    return `<tr><td style="padding:8px 32px"><table width="100%" cellpadding="0" cellspacing="0">${[...rows, ...sums].join('\n')}</table></td></tr>`;
  }
  return '<tr><td style="padding:8px 32px"><div style="border-top:1px solid #e3e7eb"></div></td></tr>';
}

function nordic(spec: MailSpec): string {
  return `<html>
${head()}
<body bgcolor="#eef1f4" style="margin:0;padding:0">
${preheader(spec)}<center>
<table width="100%" bgcolor="#eef1f4" cellpadding="0" cellspacing="0" border="0"><tr><td align="center">
<table width="560" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff" class="w100">
${spec.noMasthead ? '' : `<tr><td style="padding:24px 32px 0">${logo(spec, 100)}</td></tr>`}
${spec.blocks.map(nordicBlock).join('\n')}
</table>
<table width="560" cellpadding="0" cellspacing="0" border="0" class="w100">
${spec.footer.map((f) => `<tr><td align="center" style="padding:4px 32px;${FONT};font-size:11px;color:#6b7b8c">${inline(f, 'color:#6b7b8c')}</td></tr>`).join('\n')}
</table>
</td></tr></table>
</center>
</body>
</html>`;
}

// ——— Shopify order notification ———

function shopifyBlock(b: Block): string {
  if ('h' in b) return `<h2 style="font-weight:normal;font-size:24px;margin:0 0 10px">${inline(b.h)}</h2>`;
  if ('p' in b) return `<p style="color:#777;line-height:150%;font-size:16px;margin:0 0 14px">${inline(b.p)}</p>`;
  if ('small' in b) return `<p style="color:#999;font-size:14px">${inline(b.small)}</p>`;
  if ('kv' in b) return kvTable(b.kv, b.style ?? 'stacked', 'customer-info');
  if ('button' in b) {
    return `<table class="row actions" style="margin-top:20px"><tr><td class="actions__cell"><table class="button main-action-cell"><tr><td class="button__cell" style="border-radius:4px;background:#1990c6"><a href="${esc(b.href)}" class="button__text" style="font-size:16px;text-decoration:none;display:block;color:#fff;padding:20px 25px">${inline(b.button, 'color:#fff')}</a></td></tr></table></td></tr></table>`;
  }
  if ('items' in b) {
    const items = b.items
      .map(
        ([d, a]) =>
          `<table class="row"><tr class="order-list__item"><td class="order-list__item__cell"><table><tr><td><img src="https://cdn.shopify.example/products/item_small.jpg" align="left" width="60" height="60" class="order-list__product-image"></td><td class="order-list__product-description-cell" style="width:100%"><span class="order-list__item-title" style="font-size:16px;font-weight:600">${inline(d)}</span><br></td><td class="order-list__price-cell"><p class="order-list__item-price" style="font-size:16px;font-weight:600;margin:0" align="right">${inline(a)}</p></td></tr></table></td></tr></table>`,
      )
      .join('\n');
    const sums = (b.sums ?? [])
      .map(
        ([d, a], i, all) =>
          `<tr class="subtotal-line"><td class="subtotal-line__title"><p style="color:#777;margin:0;font-size:16px">${i === all.length - 1 ? `<span style="font-size:16px">${inline(d)}</span>` : `<span>${inline(d)}</span>`}</p></td><td class="subtotal-line__value" align="right">${i === all.length - 1 ? `<strong style="font-size:24px;color:#555">${inline(a)}</strong>` : `<strong style="font-size:16px;color:#555">${inline(a)}</strong>`}</td></tr>`,
      )
      .join('\n');
    return `<table class="row section"><tr><td class="section__cell"><center><table class="container"><tr><td>
<table class="row"><tr><td><h3>${b.head ? inline(b.head[0]) : 'Order summary'}</h3></td></tr></table>
${items}
<table class="row subtotal-lines"><tr><td class="subtotal-spacer"></td><td><table class="row subtotal-table">
${sums}
</table></td></tr></table>
</td></tr></table></center></td></tr></table>`;
  }
  return '<hr>';
}

function shopify(spec: MailSpec): string {
  return `<html lang="en">
${head('.order-list__item-title{font-weight:600}')}
<body>
${preheader(spec)}<table class="body"><tr><td>
<table class="header row"><tr><td class="header__cell"><center><table class="container"><tr><td>
<table class="row"><tr><td class="shop-name__cell">${spec.logo ? logo(spec, 180) : `<h1 class="shop-name__text" style="font-weight:normal;font-size:28px;color:#333"><a href="https://shop.example.invalid" style="color:#333;text-decoration:none">${esc(spec.brand)}</a></h1>`}</td><td class="order-number__cell"><span class="order-number__text" style="color:#999;font-size:14px">${esc(spec.preheader ?? '')}</span></td></tr></table>
</td></tr></table></center></td></tr></table>
<table class="row content"><tr><td class="content__cell"><center><table class="container"><tr><td>
${spec.blocks.map(shopifyBlock).join('\n')}
</td></tr></table></center></td></tr></table>
<table class="row footer"><tr><td class="footer__cell"><center><table class="container"><tr><td>
${spec.footer.map((f) => `<p class="disclaimer__subtext" style="color:#999;line-height:150%;font-size:14px;margin:0">${inline(f, 'color:#1990c6')}</p>`).join('\n')}
</td></tr></table></center></td></tr></table>
</td></tr></table>
</body>
</html>`;
}

// ——— Simple: what a small business's mail tool or a hand-written HTML mail gives: divs, p, br ———

function simpleBlock(b: Block): string {
  if ('h' in b) return `<div style="font-size:20px"><b>${inline(b.h)}</b></div>`;
  if ('p' in b) return `<div>${inline(b.p)}</div><div><br></div>`;
  if ('small' in b) return `<div><font size="1" color="#888888">${inline(b.small)}</font></div>`;
  if ('kv' in b) return `<div>${kvTable(b.kv, b.style ?? 'inline', 'kv')}</div>`;
  if ('button' in b) return `<div><a href="${esc(b.href)}">${inline(b.button)}</a></div><div><br></div>`;
  if ('items' in b) {
    return `<div>${[...(b.head ? [b.head] : []), ...b.items, ...(b.sums ?? [])].map(([d, a]) => `${inline(d)}: ${inline(a)}`).join('<br>')}</div><div><br></div>`;
  }
  return '<div>--</div>';
}

function simple(spec: MailSpec): string {
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<div dir="ltr">
${spec.noMasthead ? '' : spec.logo ? `<div>${logo(spec, 90)}</div>` : ''}
${spec.blocks.map(simpleBlock).join('\n')}
<div>--</div>
${spec.footer.map((f) => `<div style="color:#777">${inline(f)}</div>`).join('\n')}
</div>
</body></html>`;
}

export function renderHtml(spec: MailSpec): string | null {
  switch (spec.layout) {
    case 'postmark':
      return postmark(spec);
    case 'stripe':
      return stripe(spec);
    case 'mjml':
      return mjml(spec);
    case 'nordic':
      return nordic(spec);
    case 'shopify':
      return shopify(spec);
    case 'simple':
      return simple(spec);
    case 'plain':
      return null;
  }
}
