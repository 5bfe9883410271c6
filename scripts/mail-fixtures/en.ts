import { at, charge, expect, nothing, sub } from './expect';
import type { MailSpec } from './spec';

const NOW = '2026-11-23';

const specs: MailSpec[] = [
  {
    name: 'en-notewell-receipt-monthly',
    lang: 'en',
    from: ['Notewell', 'billing@notewell.app'],
    subject: 'Your Notewell receipt [#NW-20931]',
    date: at('2026-11-23', '09:14:07', '+0000'),
    now: NOW,
    layout: 'postmark',
    brand: 'Notewell',
    preheader: 'This is a receipt for your recent purchase on November 23, 2026. No payment is due with this receipt.',
    blocks: [
      { h: 'Hi Alex,' },
      { p: 'Thanks for using Notewell. This email is the receipt for your purchase. No payment is due.' },
      {
        p: 'This purchase will appear as “NOTEWELL.APP” on your credit card statement for your Visa ending in 4242. Need to [update your payment information](https://notewell.app/settings/billing)?',
      },
      {
        head: ['Description', 'Amount'],
        items: [['Notewell Pro — monthly (Nov 23 – Dec 23, 2026)', '$8.00']],
        sums: [['Total', '$8.00']],
      },
      { p: 'If you have any questions about this receipt, simply reply to this email.' },
      { button: 'Download as PDF', href: 'https://notewell.app/receipts/NW-20931.pdf' },
    ],
    footer: [
      '© 2026 Notewell. All rights reserved.',
      'Notewell Inc., 548 Market St, San Francisco, CA 94104',
      '[Manage subscription](https://notewell.app/settings/subscription)',
    ],
    expected: expect('receipt', ['Notewell', 'notewell.app'], {
      sub: sub(8, 'USD', 'P1M'),
      charges: [charge('2026-11-23', 8, 'USD')],
      links: { manage: 'https://notewell.app/settings/subscription' },
    }),
  },
  {
    name: 'en-cartograph-stripe-receipt-yearly',
    lang: 'en',
    from: ['Cartograph', 'receipts+acct_1PqR7sTuVwXyZ@stripe.com'],
    replyTo: 'support@cartograph.io',
    subject: 'Your receipt from Cartograph #2291-4410',
    date: at('2026-11-20', '16:02:51', '+0000'),
    now: NOW,
    layout: 'stripe',
    brand: 'Cartograph',
    logo: true,
    preheader: 'Receipt from Cartograph. Amount paid $96.00.',
    blocks: [
      { h: 'Receipt from Cartograph' },
      { small: 'Receipt #2291-4410' },
      {
        kv: [
          ['Amount paid', '$96.00'],
          ['Date paid', 'Nov 20, 2026'],
          ['Payment method', 'VISA – 4242'],
        ],
        style: 'columns',
      },
      {
        head: ['Summary', ''],
        items: [['Cartograph Explorer (yearly) × 1 · Nov 20, 2026 – Nov 20, 2027', '$96.00']],
        sums: [
          ['Subtotal', '$96.00'],
          ['Amount charged', '$96.00'],
        ],
      },
      { p: 'If you have any questions, contact us at [support@cartograph.io](mailto:support@cartograph.io).' },
    ],
    footer: [
      "You're receiving this email because you made a purchase at Cartograph, which partners with [Stripe](https://stripe.com) to provide invoicing and payment processing.",
    ],
    expected: expect('receipt', ['Cartograph', 'cartograph.io'], {
      sub: sub(96, 'USD', 'P1Y'),
      charges: [charge('2026-11-20', 96, 'USD')],
    }),
  },
  {
    name: 'en-wordloom-paddle-receipt',
    lang: 'en',
    from: ['Paddle', 'help@paddle.com'],
    subject: 'Your Wordloom receipt',
    date: at('2026-11-23', '07:41:10', '+0000'),
    now: NOW,
    layout: 'postmark',
    brand: 'Paddle',
    logo: true,
    blocks: [
      { h: 'Your order is complete' },
      { p: 'Paddle processed this payment on behalf of **Wordloom**.' },
      {
        kv: [
          ['Order number', '8812-33109'],
          ['Date', '23/11/2026'],
          ['Payment method', 'Mastercard ending 5521'],
        ],
      },
      {
        head: ['Product', 'Price'],
        items: [['Wordloom Premium – Monthly subscription', '£6.00']],
        sums: [
          ['VAT (20%)', '£1.00'],
          ['Total paid', '£6.00'],
        ],
      },
      {
        p: 'Your subscription renews on 23/12/2026. To cancel or update your payment method, [manage your subscription](https://customer-portal.paddle.com/cpl_01hwordloom).',
      },
      { p: 'Questions about Wordloom itself? Visit [wordloom.com/help](https://wordloom.com/help).' },
    ],
    footer: [
      'Paddle.com Market Ltd, Judd House, 18-29 Mora Street, London EC1V 8BT',
      '[Paddle Buyer Support](https://paddle.net) · [Buyer terms](https://www.paddle.com/legal/checkout-buyer-terms)',
    ],
    expected: expect('receipt', ['Wordloom', 'wordloom.com'], {
      sub: sub(6, 'GBP', 'P1M', { nextRenewal: '2026-12-23' }),
      charges: [charge('2026-11-23', 6, 'GBP')],
      links: { manage: 'https://customer-portal.paddle.com/cpl_01hwordloom' },
    }),
  },
  {
    name: 'en-brightwave-intro-receipt',
    lang: 'en',
    from: ['Brightwave', 'no-reply@brightwave.fm'],
    subject: 'Payment received – thanks!',
    date: at('2026-11-02', '06:00:12', '+0000'),
    now: NOW,
    layout: 'mjml',
    brand: 'Brightwave',
    blocks: [
      { h: 'Payment received' },
      {
        p: "Hi Alex, we've received your payment for Brightwave Premium. Your intro price of £0.99 applies to your first 3 months, then it's £10.99/month.",
      },
      {
        kv: [
          ['Plan', 'Premium Individual'],
          ['Amount paid', '£0.99'],
          ['Payment date', '2 November 2026'],
          ['Next payment', '2 December 2026'],
        ],
      },
      { button: 'Manage your plan', href: 'https://www.brightwave.fm/account/plan' },
    ],
    footer: [
      'Brightwave Ltd · 10 Finsbury Square, London EC2A 1AF',
      '[Unsubscribe from marketing emails](https://www.brightwave.fm/unsub?u=9f2) · [Privacy](https://www.brightwave.fm/privacy)',
    ],
    expected: expect('receipt', ['Brightwave', 'brightwave.fm'], {
      sub: sub(10.99, 'GBP', 'P1M', { introAmount: 0.99, introPeriods: 3, nextRenewal: '2026-12-02' }),
      charges: [charge('2026-11-02', 0.99, 'GBP')],
      links: { manage: 'https://www.brightwave.fm/account/plan' },
    }),
  },
  {
    name: 'en-fernpost-invoice-paid',
    lang: 'en',
    from: ['Fernpost Billing', 'invoices@fernpost.com'],
    subject: 'Invoice INV-2026-1123 from Fernpost',
    date: at('2026-11-01', '03:12:44', '+0200'),
    now: NOW,
    layout: 'postmark',
    brand: 'Fernpost',
    mime: { attach: 'INV-2026-1123.pdf' },
    blocks: [
      { h: 'Hi Alex,' },
      { p: 'Thanks for using Fernpost. This is the invoice for your team plan. Your card was charged automatically.' },
      {
        kv: [
          ['Invoice number', 'INV-2026-1123'],
          ['Invoice date', '1 November 2026'],
          ['Next invoice', '1 December 2026'],
          ['Status', 'Paid'],
        ],
      },
      {
        head: ['Description', 'Amount'],
        items: [['Fernpost Team plan (3 seats × €8.00)', '€24.00']],
        sums: [
          ['Subtotal', '€24.00'],
          ['VAT (0%, reverse charge)', '€0.00'],
          ['Total', '€24.00'],
        ],
      },
      { p: 'The invoice is attached as a PDF.' },
    ],
    footer: ['[Billing settings](https://app.fernpost.com/billing)', 'Fernpost OÜ · Narva mnt 7, Tallinn, Estonia'],
    expected: expect('receipt', ['Fernpost', 'fernpost.com'], {
      sub: sub(24, 'EUR', 'P1M', { nextRenewal: '2026-12-01' }),
      charges: [charge('2026-11-01', 24, 'EUR')],
      links: { manage: 'https://app.fernpost.com/billing' },
    }),
  },
  {
    name: 'en-orbitalgym-invoice-due',
    lang: 'en',
    from: ['Orbital Gym', 'membership@orbitalgym.co.uk'],
    subject: 'Your December membership invoice',
    date: at('2026-11-23', '10:30:00', '+0000'),
    now: NOW,
    layout: 'simple',
    brand: 'Orbital Gym',
    noMasthead: true,
    blocks: [
      {
        p: "Hi Alex, your invoice for December is ready. We'll collect £34.99 by Direct Debit on or shortly after 1 December 2026.",
      },
      {
        kv: [
          ['Invoice date', '23 November 2026'],
          ['Membership', 'Off-Peak, monthly'],
          ['Amount', '£34.99'],
          ['Collection date', '1 December 2026'],
        ],
        style: 'inline',
      },
      {
        p: 'You can see your invoices and change your membership in the [members area](https://orbitalgym.co.uk/members).',
      },
    ],
    footer: ['Orbital Gym Ltd · Unit 4, Riverside Park, Leeds', '[Membership terms](https://orbitalgym.co.uk/terms)'],
    expected: expect('receipt', ['Orbital Gym', 'orbitalgym.co.uk'], {
      sub: sub(34.99, 'GBP', 'P1M', { nextRenewal: '2026-12-01' }),
    }),
  },
  {
    name: 'en-tallyup-renewal-yearly',
    lang: 'en',
    from: ['Tallyup', 'hello@tallyup.io'],
    subject: 'Your Tallyup subscription renews soon',
    date: at('2026-11-23', '14:00:00', '-0500'),
    now: NOW,
    layout: 'mjml',
    brand: 'Tallyup',
    blocks: [
      { h: 'Your annual plan renews on December 7' },
      {
        p: "Hi Alex, this is a friendly reminder that your Tallyup Plus subscription will automatically renew on **December 7, 2026**. We'll charge **$59.00** to your card ending in 0044.",
      },
      {
        p: "No action is needed if you'd like to keep your plan. If you want to make changes, you can do so any time before the renewal date.",
      },
      { button: 'Manage subscription', href: 'https://app.tallyup.io/account/subscription' },
    ],
    footer: [
      "You're receiving this email because you have a Tallyup account.",
      'Tallyup, Inc. · 2 Park Plaza, Boston, MA 02116',
      '[Cancellation policy](https://tallyup.io/legal/cancellation) · [Privacy](https://tallyup.io/legal/privacy)',
    ],
    expected: expect('account', ['Tallyup', 'tallyup.io'], {
      sub: sub(59, 'USD', 'P1Y', { nextRenewal: '2026-12-07' }),
      links: { manage: 'https://app.tallyup.io/account/subscription' },
      event: 'renewal-upcoming',
    }),
  },
  {
    name: 'en-greenleaf-weekly-upcoming',
    lang: 'en',
    from: ['Greenleaf', 'hello@greenleafmeals.co.uk'],
    subject: 'Your next Greenleaf box is coming up',
    date: at('2026-11-21', '11:05:00', '+0000'),
    now: NOW,
    layout: 'nordic',
    brand: 'Greenleaf',
    blocks: [
      { h: 'Your next box is almost here' },
      {
        kv: [
          ['Next delivery', 'Thursday, 26 November'],
          ['Plan', '3 recipes for 2 people, every week'],
          ['Charge date', 'Tuesday, 24 November'],
          ['Amount', '£44.97'],
        ],
        style: 'stacked',
      },
      { button: 'Skip or edit this delivery', href: 'https://www.greenleafmeals.co.uk/my-deliveries' },
      { p: 'Want a break? You can [pause your plan](https://www.greenleafmeals.co.uk/account/pause) at any time.' },
    ],
    footer: ['Greenleaf Meals Ltd · London', '[Unsubscribe](https://www.greenleafmeals.co.uk/unsubscribe?id=88)'],
    listUnsubscribe: true,
    expected: expect('account', ['Greenleaf', 'greenleafmeals.co.uk'], {
      sub: sub(44.97, 'GBP', 'P1W', { nextRenewal: '2026-11-24' }),
      links: { pause: 'https://www.greenleafmeals.co.uk/account/pause' },
      event: 'renewal-upcoming',
    }),
  },
  {
    name: 'en-pixelmint-trial-ending',
    lang: 'en',
    from: ['Pixelmint', 'team@pixelmint.app'],
    subject: 'Your Pixelmint trial ends in 3 days',
    date: at('2026-11-23', '08:00:00', '+0000'),
    now: NOW,
    layout: 'postmark',
    brand: 'Pixelmint',
    preheader: 'Your trial period for Pixelmint is about to end.',
    blocks: [
      { h: 'Your Pixelmint trial ends in 3 days' },
      {
        p: 'Thanks for trying Pixelmint Pro. Your free trial ends on November 26, 2026. After that, your subscription starts automatically at $4.99 per month, billed to the card on file.',
      },
      {
        p: "Not for you? [Cancel your trial](https://pixelmint.app/account/cancel) before November 26 and you won't be charged.",
      },
    ],
    footer: ['© 2026 Pixelmint. All rights reserved.', 'Pixelmint ApS, Copenhagen'],
    expected: expect('account', ['Pixelmint', 'pixelmint.app'], {
      sub: sub(4.99, 'USD', 'P1M', { nextRenewal: '2026-11-26' }),
      links: { cancel: 'https://pixelmint.app/account/cancel' },
      event: 'trial-ending',
    }),
  },
  {
    name: 'en-larkspur-trial-ending-labels',
    lang: 'en',
    from: ['Larkspur Audio', 'hello@larkspuraudio.com'],
    subject: 'Reminder: your free trial is ending',
    date: at('2026-11-23', '12:00:00', '+0000'),
    now: NOW,
    layout: 'nordic',
    brand: 'Larkspur Audio',
    logo: true,
    blocks: [
      { h: 'Your free trial is ending' },
      {
        kv: [
          ['Plan', 'Larkspur Unlimited'],
          ['Trial ends', '30 November 2026'],
          ['Then', '£7.99/month'],
        ],
      },
      { p: "We'll charge your card on 30 November unless you cancel." },
      { button: 'Manage membership', href: 'https://www.larkspuraudio.com/account/membership' },
    ],
    footer: ['Larkspur Audio Ltd, Bristol', '[Help centre](https://help.larkspuraudio.com)'],
    expected: expect('account', ['Larkspur Audio', 'larkspuraudio.com'], {
      sub: sub(7.99, 'GBP', 'P1M', { nextRenewal: '2026-11-30' }),
      links: { manage: 'https://www.larkspuraudio.com/account/membership' },
      event: 'trial-ending',
    }),
  },
  {
    name: 'en-cloudkeep-payment-failed',
    lang: 'en',
    from: ['Cloudkeep', 'billing@cloudkeep.io'],
    subject: 'Action required: your payment failed',
    date: at('2026-11-22', '19:40:00', '+0000'),
    now: NOW,
    layout: 'mjml',
    brand: 'Cloudkeep',
    blocks: [
      { h: "We couldn't process your payment" },
      {
        p: 'Hi Alex, we tried to charge **$11.99** for your Cloudkeep Plus subscription (monthly) on November 22, 2026, but your card was declined.',
      },
      {
        p: "We'll try again in 3 days. To keep your backups running, please update your payment method.",
      },
      { button: 'Update payment method', href: 'https://app.cloudkeep.io/billing/payment-method' },
    ],
    footer: ['[Manage subscription](https://app.cloudkeep.io/billing)', 'Cloudkeep, Inc. · Austin, TX'],
    expected: expect('account', ['Cloudkeep', 'cloudkeep.io'], {
      sub: sub(11.99, 'USD', 'P1M'),
      links: { manage: 'https://app.cloudkeep.io/billing' },
      event: 'payment-failed',
    }),
  },
  {
    name: 'en-netflix-payment-failed',
    lang: 'en',
    from: ['Netflix', 'info@account.netflix.com'],
    subject: 'Your account is on hold',
    date: at('2026-11-19', '05:22:13', '+0000'),
    now: NOW,
    layout: 'nordic',
    brand: 'Netflix',
    logo: true,
    blocks: [
      { h: 'Please update your payment details' },
      {
        p: "We're having trouble with your current billing information. We'll try again, but in the meantime you may want to update your payment details.",
      },
      { button: 'UPDATE ACCOUNT', href: 'https://www.netflix.com/YourAccountPayment' },
      { p: "We're here to help if you need it. Visit the [Help Centre](https://help.netflix.com) for more info." },
    ],
    footer: [
      'This account email has been sent to you as part of your Netflix membership.',
      'Netflix International B.V.',
    ],
    expected: expect('account', ['Netflix', 'netflix.com'], {
      links: { manage: 'https://www.netflix.com/account', cancel: 'https://www.netflix.com/cancelplan' },
      event: 'payment-failed',
    }),
  },
  {
    name: 'en-tinyfox-price-change',
    lang: 'en',
    from: ['Tinyfox', 'team@tinyfox.net'],
    subject: 'An update to your Tinyfox pricing',
    date: at('2026-11-13', '15:00:00', '+0100'),
    now: NOW,
    layout: 'postmark',
    brand: 'Tinyfox',
    blocks: [
      { h: "We're updating our prices" },
      {
        p: 'Hi Alex, from your next renewal on **January 14, 2027**, the price of your Tinyfox Annual plan will change from **$39.99/year** to **$47.99/year**.',
      },
      {
        p: "We haven't changed our prices since 2022. The new price lets us keep adding servers and keep Tinyfox free of ads and trackers.",
      },
      {
        p: "If you'd prefer not to continue, you can [turn off auto-renewal](https://my.tinyfox.net/subscription/auto-renew) before that date.",
      },
    ],
    footer: ['Tinyfox AB · Stockholm', '[Privacy policy](https://tinyfox.net/privacy)'],
    expected: expect('account', ['Tinyfox', 'tinyfox.net'], {
      sub: sub(39.99, 'USD', 'P1Y', {
        nextRenewal: '2027-01-14',
        priceChange: { amount: 47.99, from: '2027-01-14' },
      }),
      links: { cancel: 'https://my.tinyfox.net/subscription/auto-renew' },
      event: 'price-change',
    }),
  },
  {
    name: 'en-spotify-price-change',
    lang: 'en',
    from: ['Spotify', 'no-reply@spotify.com'],
    subject: 'Changes to your Premium subscription price',
    date: at('2026-11-16', '13:12:00', '+0000'),
    now: NOW,
    layout: 'mjml',
    brand: 'Spotify',
    blocks: [
      { h: 'An update on your Premium price' },
      {
        p: "Hi Alex, we're writing to let you know that the price of Premium Individual will increase from £11.99/month to £12.99/month, starting with your payment on 9 January 2027.",
      },
      {
        p: 'We update our offering and pricing from time to time so that we can keep delivering value to you.',
      },
    ],
    footer: [
      '[Manage subscription](https://www.spotify.com/account/subscription/)',
      'Spotify AB, Regeringsgatan 19, 111 53 Stockholm, Sweden',
      '[Unsubscribe](https://www.spotify.com/account/notifications/)',
    ],
    expected: expect('account', ['Spotify', 'spotify.com'], {
      sub: sub(11.99, 'GBP', 'P1M', { priceChange: { amount: 12.99, from: '2027-01-09' } }),
      links: { manage: 'https://www.spotify.com/account/subscription/' },
      event: 'price-change',
    }),
  },
  {
    name: 'en-hearthbox-cancelled',
    lang: 'en',
    from: ['Hearthbox', 'care@hearthbox.com'],
    subject: 'Your subscription has been cancelled',
    date: at('2026-11-20', '09:45:00', '+0000'),
    now: NOW,
    layout: 'postmark',
    brand: 'Hearthbox',
    logo: true,
    blocks: [
      { h: 'Sorry to see you go, Alex' },
      { p: "Your Hearthbox monthly subscription (£24.00/month) has been cancelled. You won't be charged again." },
      {
        kv: [
          ['Last box', 'Ships 2 December 2026'],
          ['Cancelled on', '20 November 2026'],
        ],
      },
      { p: 'Changed your mind? [Reactivate your subscription](https://hearthbox.com/account/reactivate)' },
    ],
    footer: ['Hearthbox Ltd · Manchester'],
    expected: expect('account', ['Hearthbox', 'hearthbox.com'], {
      sub: sub(24, 'GBP', 'P1M'),
      event: 'cancelled',
    }),
  },
  {
    name: 'en-audible-cancelled',
    lang: 'en',
    from: ['Audible', 'donotreply@audible.co.uk'],
    subject: "We've cancelled your membership",
    date: at('2026-11-12', '18:30:00', '+0000'),
    now: NOW,
    layout: 'nordic',
    brand: 'Audible',
    logo: true,
    blocks: [
      { h: 'Your membership has been cancelled' },
      {
        p: 'Your Audible Premium Plus membership has been cancelled as requested. You can keep listening to the titles in your library. Your membership benefits end on 12 December 2026.',
      },
      { p: 'We hope to see you again soon.' },
    ],
    footer: [
      'Audible Ltd, 1 Principal Place, London EC2A 2FA',
      '[Conditions of Use](https://www.audible.co.uk/conditions)',
    ],
    expected: expect('account', ['Audible', 'audible.co.uk'], {
      links: {
        manage: 'https://www.audible.com/account/overview',
        cancel: 'https://help.audible.com/s/article/cancel-membership?language=en_US',
        pause: 'https://help.audible.com/s/article/pause-your-membership?language=en_US',
      },
      event: 'cancelled',
    }),
  },
  {
    name: 'en-quietly-welcome-yearly',
    lang: 'en',
    from: ['Quietly', 'hello@quietly.app'],
    subject: 'Welcome to Quietly Premium 🎉',
    date: at('2026-11-23', '07:10:00', '+0000'),
    now: NOW,
    layout: 'mjml',
    brand: 'Quietly',
    blocks: [
      { h: 'Welcome to Premium!' },
      { p: "Your subscription is active. Here's what you signed up for:" },
      {
        kv: [
          ['Plan', 'Quietly Premium (yearly)'],
          ['Price', '$69.99/year'],
          ['Started', '23 November 2026'],
          ['Renews', '23 November 2027'],
        ],
      },
      { button: 'Start your first session', href: 'https://quietly.app/open' },
    ],
    footer: ['[Manage subscription](https://quietly.app/account)', 'Quietly Labs · Oslo, Norway'],
    expected: expect('confirmation', ['Quietly', 'quietly.app'], {
      sub: sub(69.99, 'USD', 'P1Y', { nextRenewal: '2027-11-23' }),
      links: { manage: 'https://quietly.app/account' },
      event: 'welcome',
    }),
  },
  {
    name: 'en-reelhouse-welcome-trial',
    lang: 'en',
    from: ['Reelhouse', 'hello@reelhouse.tv'],
    subject: 'Welcome to Reelhouse – your 7-day free trial has started',
    date: at('2026-11-23', '20:14:00', '+0000'),
    now: NOW,
    layout: 'postmark',
    brand: 'Reelhouse',
    logo: true,
    blocks: [
      { h: 'Welcome to Reelhouse, Alex' },
      {
        p: "Enjoy 7 days free. After your trial, your Standard plan is $9.99/month. You'll be charged on November 30, 2026 unless you cancel before.",
      },
      { button: 'Start watching', href: 'https://www.reelhouse.tv/browse' },
    ],
    footer: ['[Cancel anytime in Account settings](https://www.reelhouse.tv/account/cancel)', 'Reelhouse Media Inc.'],
    expected: expect('confirmation', ['Reelhouse', 'reelhouse.tv'], {
      sub: sub(9.99, 'USD', 'P1M', { trialDays: 7, nextRenewal: '2026-11-30' }),
      links: { cancel: 'https://www.reelhouse.tv/account/cancel' },
      event: 'welcome',
    }),
  },
  {
    name: 'en-substack-new-paid-subscriber',
    lang: 'en',
    from: ['Substack', 'no-reply@substack.com'],
    subject: 'You have a new paid subscriber! 🎉',
    date: at('2026-11-22', '21:03:00', '+0000'),
    now: NOW,
    layout: 'simple',
    brand: 'Substack',
    blocks: [
      { p: 'Jordan Lee (jordan.lee@example.com) just became a paid subscriber to **The Fjord Letter**.' },
      {
        kv: [
          ['Plan', 'Monthly ($7/month)'],
          ['Paid subscribers', '214'],
        ],
        style: 'inline',
      },
      { button: 'View your subscribers', href: 'https://thefjordletter.substack.com/publish/subscribers' },
    ],
    footer: [
      'Substack Inc., 111 Sutter St, San Francisco',
      '[Unsubscribe](https://substack.com/account/notifications)',
    ],
    expected: nothing,
  },
  {
    name: 'en-tidewater-order-oneoff',
    lang: 'en',
    from: ['Tidewater Coffee', 'store+5521@t.shopifyemail.com'],
    replyTo: 'hello@tidewatercoffee.com',
    subject: 'Order #1043 confirmed',
    date: at('2026-11-21', '17:22:00', '-0800'),
    now: NOW,
    layout: 'shopify',
    brand: 'Tidewater Coffee',
    preheader: 'Order #1043',
    blocks: [
      { h: 'Thank you for your purchase!' },
      {
        p: "Hi Alex, we're getting your order ready to be shipped. We will notify you when it has been sent.",
      },
      { button: 'View your order', href: 'https://tidewatercoffee.com/account/orders/7f3a' },
      {
        head: ['Order summary', ''],
        items: [
          ['Ethiopia Guji – 250 g × 2', '$32.00'],
          ['Ceramic dripper × 1', '$24.00'],
        ],
        sums: [
          ['Subtotal', '$56.00'],
          ['Shipping', '$6.00'],
          ['Taxes', '$0.00'],
          ['Total', '$62.00 USD'],
        ],
      },
      {
        kv: [
          ['Shipping address', 'Alex Morgan, 12 Elm St, Portland OR 97201'],
          ['Shipping method', 'Standard'],
        ],
        style: 'stacked',
      },
    ],
    footer: [
      'If you have any questions, reply to this email or contact us at [hello@tidewatercoffee.com](mailto:hello@tidewatercoffee.com)',
    ],
    expected: expect('receipt', ['Tidewater Coffee', 'tidewatercoffee.com'], {
      charges: [charge('2026-11-21', 62, 'USD')],
    }),
  },
  {
    name: 'en-northlight-stripe-tickets-oneoff',
    lang: 'en',
    from: ['Northlight Cinema', 'receipts+acct_9XyZ2wVuT@stripe.com'],
    subject: 'Your receipt from Northlight Cinema #1188-2290',
    date: at('2026-11-14', '19:48:00', '+0000'),
    now: NOW,
    layout: 'stripe',
    brand: 'Northlight Cinema',
    logo: true,
    blocks: [
      { h: 'Receipt from Northlight Cinema' },
      { small: 'Receipt #1188-2290' },
      {
        kv: [
          ['Amount paid', '€18.50'],
          ['Date paid', 'Nov 14, 2026'],
          ['Payment method', 'Mastercard – 5521'],
        ],
        style: 'columns',
      },
      {
        head: ['Summary', ''],
        items: [
          ['Adult ticket × 2', '€17.00'],
          ['Booking fee', '€1.50'],
        ],
        sums: [['Amount charged', '€18.50']],
      },
      { p: 'Questions? Contact us at [tickets@northlightcinema.ie](mailto:tickets@northlightcinema.ie).' },
    ],
    footer: [
      "You're receiving this email because you made a purchase at Northlight Cinema, which partners with [Stripe](https://stripe.com) to provide invoicing and payment processing.",
    ],
    expected: expect('receipt', ['Northlight Cinema', 'northlightcinema.ie'], {
      charges: [charge('2026-11-14', 18.5, 'EUR')],
    }),
  },
  {
    name: 'en-brightwave-offer-marketing',
    lang: 'en',
    from: ['Brightwave', 'news@brightwave.fm'],
    subject: 'Black Friday: 3 months of Premium for £0.99',
    date: at('2026-11-20', '10:00:00', '+0000'),
    now: NOW,
    layout: 'mjml',
    brand: 'Brightwave',
    listUnsubscribe: true,
    blocks: [
      { h: '3 months for £0.99' },
      {
        p: "For a limited time, get 3 months of Brightwave Premium for just £0.99. After that it's £10.99/month. Cancel anytime. Offer ends 30 November.",
      },
      { button: 'Get the offer', href: 'https://www.brightwave.fm/premium?promo=bf26' },
    ],
    footer: [
      'Terms apply. Only for users who have not tried Premium before.',
      '[Unsubscribe](https://www.brightwave.fm/unsub?u=12) · [Privacy](https://www.brightwave.fm/privacy)',
    ],
    expected: nothing,
  },
];

export default specs;
