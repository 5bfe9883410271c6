import type { Block, Policy } from '../lib/privacy';

function PolicyBlock({ block }: { block: Block }) {
  if ('p' in block) return <p>{block.p}</p>;
  if ('list' in block) {
    return (
      <ul>
        {block.list.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  }
  return (
    <dl class="permissions">
      {block.permissions.map((p) => (
        <div key={p.key} data-permission={p.key}>
          <dt>{p.name}</dt>
          <dd>{p.why}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The privacy policy in one language, with links to the other languages. Everything is rendered as text.
 */
export function PrivacyPolicy(props: {
  policy: Policy;
  /** "Last changed 6 December 2026." */
  updated: string;
  /** The other languages: their own name, their code and where to read them. */
  languages: { lang: string; name: string; href: string; current: boolean }[];
  /** e.g. "Languages" in the current language (the switcher's label). */
  languagesLabel: string;
  version?: string;
}) {
  const { policy } = props;
  return (
    <article class="policy">
      <nav class="policy-langs" aria-label={props.languagesLabel}>
        <ul>
          {props.languages.map((l) => (
            <li key={l.lang}>
              <a href={l.href} hrefLang={l.lang} lang={l.lang} aria-current={l.current ? 'page' : undefined}>
                {l.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <header>
        <h1>{policy.title}</h1>
        <p class="policy-updated">
          {props.updated}
          {props.version ? ` Subkeeper ${props.version}.` : ''}
        </p>
      </header>
      <p class="policy-summary">{policy.summary}</p>
      {policy.sections.map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-h`}>
          <h2 id={`${s.id}-h`}>{s.heading}</h2>
          {s.blocks.map((b, i) => (
            <PolicyBlock key={`${s.id}-${i}`} block={b} />
          ))}
        </section>
      ))}
    </article>
  );
}
