// The one stylesheet: light and dark, phone to wide screen, visible focus.
extension ShippedTemplates {
    static let styleSheet = #"""
        /* SafetyGraph site — one stylesheet, no external fonts. Light and dark follow the reader's setting. */

        :root {
          --bg: #f6f6f3;
          --surface: #ffffff;
          --surface-2: #f0f1ee;
          --text: #1b1e22;
          --muted: #566170;
          --border: #d9dcd6;
          --accent: #0a5687;
          --accent-hover: #063a5c;
          --accent-soft: #e4eff7;
          --tag-bg: #eaf0f5;
          --tag-text: #163a57;
          --tag-border: #c9d7e3;
          --count-bg: #ecece7;
          --count-text: #3c4450;
          --warn: #9a3412;
          --focus: #c2410c;
          --map-bg: #ffffff;
          --radius: 12px;
          --shadow: 0 1px 2px rgb(20 30 40 / 6%), 0 4px 14px rgb(20 30 40 / 5%);
          --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
          --mono: ui-monospace, "SF Mono", "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace;
          color-scheme: light dark;
        }

        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #101316;
            --surface: #181c21;
            --surface-2: #1f242a;
            --text: #e6e8eb;
            --muted: #a4adb9;
            --border: #2e353d;
            --accent: #8cc8f7;
            --accent-hover: #b9dfff;
            --accent-soft: #16324a;
            --tag-bg: #1c2f40;
            --tag-text: #d2e8fb;
            --tag-border: #2d4a63;
            --count-bg: #262c33;
            --count-text: #cfd5dc;
            --warn: #fdba74;
            --focus: #fdba74;
            --map-bg: #f4f4f1;
            --shadow: 0 1px 2px rgb(0 0 0 / 40%);
          }
        }

        *, *::before, *::after { box-sizing: border-box; }

        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }

        body {
          margin: 0;
          background: var(--bg);
          color: var(--text);
          font: 1rem/1.6 var(--font);
          overflow-wrap: anywhere;
        }

        a { color: var(--accent); text-decoration-thickness: 1px; text-underline-offset: 0.18em; }
        a:hover { color: var(--accent-hover); text-decoration-thickness: 2px; }

        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
        main:focus { outline: none; }

        code { font-family: var(--mono); font-size: 0.88em; background: var(--surface-2); padding: 0.05em 0.35em; border-radius: 4px; }

        h1, h2, h3 { line-height: 1.25; margin: 0 0 0.5rem; }
        h1 { font-size: clamp(1.75rem, 1.2rem + 2.2vw, 2.6rem); letter-spacing: -0.015em; }
        h2 { font-size: 1.4rem; letter-spacing: -0.01em; }
        h3 { font-size: 1.08rem; }

        .wrap { width: min(100% - 2.5rem, 76rem); margin-inline: auto; }

        .visually-hidden {
          position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
          overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
        }

        .skip-link {
          position: absolute; left: 1rem; top: 0.75rem; z-index: 10; background: var(--surface); padding: 0.5rem 0.9rem;
          border-radius: 8px; box-shadow: var(--shadow); transform: translateY(-200%);
        }
        .skip-link:focus { transform: none; }

        /* Header */

        .site-header { background: var(--surface); border-bottom: 1px solid var(--border); }
        .site-header__inner { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6rem 1.5rem; padding-block: 0.8rem; }
        .brand { display: inline-flex; align-items: center; gap: 0.55rem; font-weight: 700; font-size: 1.08rem; color: var(--text); text-decoration: none; }
        .brand:hover { color: var(--accent); }
        .brand__mark {
          width: 1.35rem; height: 1.35rem; border-radius: 6px; flex: none;
          background: conic-gradient(from 200deg, #0a5687, #2f8f83, #c2410c, #0a5687);
        }
        .site-nav ul { display: flex; flex-wrap: wrap; gap: 0.15rem 0.25rem; list-style: none; margin: 0; padding: 0; }
        .site-nav a { display: block; padding: 0.35rem 0.65rem; border-radius: 8px; color: var(--muted); text-decoration: none; font-weight: 500; }
        .site-nav a:hover { color: var(--text); background: var(--surface-2); }
        .site-nav a[aria-current] { color: var(--text); background: var(--accent-soft); }
        .site-search { display: flex; gap: 0.4rem; margin-left: auto; }
        .site-search input { width: 13rem; }

        input[type="search"], select {
          font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--border);
          border-radius: 8px; padding: 0.45rem 0.7rem; min-height: 2.5rem;
        }
        input[type="search"]::placeholder { color: var(--muted); opacity: 1; }
        button {
          font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 1px solid var(--accent);
          border-radius: 8px; padding: 0.45rem 0.9rem; min-height: 2.5rem; cursor: pointer;
        }
        button:hover { background: var(--accent-hover); border-color: var(--accent-hover); }
        @media (prefers-color-scheme: dark) { button { color: #0b1620; } }
        .button--quiet { color: var(--accent); background: transparent; border-color: var(--border); }
        .button--quiet:hover { color: var(--accent-hover); background: var(--surface-2); border-color: var(--border); }

        /* Page structure */

        main { padding-block: 2rem 3rem; }
        .band { margin-top: 2.75rem; }
        .eyebrow { margin: 0 0 0.35rem; color: var(--muted); font-size: 0.8rem; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; }
        .eyebrow span + span::before { content: ", "; }
        .lede { font-size: 1.14rem; max-width: 46rem; margin: 0 0 1rem; }
        .section-note, .muted { color: var(--muted); }
        .section-note { margin: -0.2rem 0 1rem; max-width: 46rem; }
        .empty-note { color: var(--muted); font-style: italic; }
        .card { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow); }

        .hero { padding: 1rem 0 0.5rem; }
        .hero__how { max-width: 46rem; color: var(--muted); }
        .stats { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; list-style: none; padding: 0; margin: 0 0 1rem; color: var(--muted); }
        .stats strong { color: var(--text); font-size: 1.25rem; margin-right: 0.2rem; }
        .stats a { color: inherit; text-decoration: none; }
        .stats a:hover strong { color: var(--accent); }

        .count {
          display: inline-block; min-width: 1.6em; padding: 0 0.45em; border-radius: 999px; text-align: center;
          background: var(--count-bg); color: var(--count-text); font-size: 0.78rem; font-weight: 600;
          line-height: 1.55; vertical-align: 0.12em; font-variant-numeric: tabular-nums; white-space: nowrap; flex: none;
        }
        .count--large { font-size: 1rem; vertical-align: 0.35em; }

        /* Maps */

        .map { margin: 0; }
        .map__scroll {
          overflow: auto; background: var(--map-bg); border: 1px solid var(--border); border-radius: var(--radius);
          padding: 0.75rem;
        }
        /* The map fits the column on a wide screen; on a phone it keeps a readable size and scrolls. */
        .map svg { display: block; width: 100%; height: auto; min-width: 56rem; color: #1b1e22; }
        .map--small svg { width: auto; max-width: 100%; min-width: 0; margin-inline: auto; }
        .map svg a:focus-visible { outline: 3px solid var(--focus); }
        .map svg a:hover polygon, .map svg a:hover ellipse, .map svg a:hover path { stroke-width: 2.5; }
        .map figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.4rem; }

        /* Topics */

        .facet-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); gap: 1rem; }
        .facet-card { padding: 1.1rem 1.2rem 1rem; }
        .facet-card h3 { font-size: 1.12rem; display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
        .facet-card h3 a { text-decoration: none; }
        .facet-card h3 a:hover { text-decoration: underline; }
        .facet-card__def { color: var(--muted); font-size: 0.92rem; margin: 0 0 0.7rem; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }

        .topic-list { list-style: none; margin: 0 0 1rem; padding: 0; }
        .topic-list li { display: flex; justify-content: space-between; align-items: baseline; gap: 0.75rem; padding: 0.28rem 0; border-top: 1px solid var(--border); }
        .topic-list li:first-child { border-top: 0; }
        .topic-list a { text-decoration: none; }
        .topic-list a:hover { text-decoration: underline; }
        .topic-list a.is-empty { color: var(--muted); }
        .topic-list--columns { columns: 16rem auto; column-gap: 2rem; }
        .topic-list--columns li { break-inside: avoid; display: block; border-top: 0; border-bottom: 1px solid var(--border); padding: 0.4rem 0; }
        .topic-list--columns .muted { display: block; font-size: 0.85rem; }

        .chip-list { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0 0 1rem; padding: 0; }
        .chip {
          display: inline-flex; align-items: center; gap: 0.4rem; padding: 0.35rem 0.75rem; border-radius: 999px;
          border: 1px solid var(--border); background: var(--surface); color: var(--text); text-decoration: none; font-weight: 500;
        }
        a.chip:hover { border-color: var(--accent); color: var(--accent); }
        .chip[aria-current] { background: var(--accent-soft); border-color: var(--accent); }
        .chip--static { font-weight: 400; }

        .two-col { display: grid; gap: 2rem; }
        @media (min-width: 56rem) { .two-col { grid-template-columns: 1fr 1fr; } }

        /* Topic page */

        .breadcrumbs { margin-bottom: 1.2rem; font-size: 0.92rem; }
        .breadcrumbs ol { display: flex; flex-wrap: wrap; list-style: none; margin: 0 0 0.2rem; padding: 0; color: var(--muted); }
        .breadcrumbs li + li::before { content: "›"; margin: 0 0.5rem; color: var(--muted); }
        .page-head { margin-bottom: 0.5rem; }
        .scope-note { max-width: 46rem; color: var(--muted); }
        .facts { display: grid; gap: 0.35rem; margin: 1.2rem 0 0; max-width: 52rem; }
        .facts > div { display: grid; grid-template-columns: 8.5rem 1fr; gap: 1rem; }
        .facts dt { color: var(--muted); font-weight: 600; font-size: 0.92rem; }
        .facts dd { margin: 0; }
        .inline-list span + span::before { content: " · "; color: var(--muted); }
        .plain-list { list-style: none; margin: 0; padding: 0; }
        @media (max-width: 36rem) { .facts > div { grid-template-columns: 1fr; gap: 0; } }

        .topic-layout { display: grid; gap: 1.5rem; }
        .topic-layout > * { min-width: 0; }  /* let a wide drawing scroll in its box instead of widening the page */
        .relations { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr)); gap: 0 2rem; }
        .topic-layout--with-map .relations { grid-template-columns: 1fr; }
        .relations h3 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.07em; color: var(--muted); margin-top: 0.4rem; }
        @media (min-width: 60rem) { .topic-layout--with-map { grid-template-columns: minmax(16rem, 1fr) 2fr; align-items: start; } }

        .group-title { margin: 1.6rem 0 0.75rem; display: flex; align-items: baseline; gap: 0.5rem; flex-wrap: wrap; }
        .more-link { margin-top: 1.25rem; }

        /* Entries */

        .entries { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
        .entry {
          background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
          padding: 0.95rem 1.15rem; box-shadow: var(--shadow);
        }
        .entry:target { border-color: var(--focus); box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 30%, transparent); }
        .entry__head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
        .entry__title { margin: 0; font-weight: 650; font-size: 1.06rem; line-height: 1.35; }
        .entry__title a { text-decoration: none; }
        .entry__title a:hover { text-decoration: underline; }
        .entry__year { color: var(--muted); font-variant-numeric: tabular-nums; font-weight: 600; flex: none; }
        .entry__meta { margin: 0.3rem 0 0; color: var(--muted); font-size: 0.92rem; }
        .entry__by + .entry__org::before { content: "· "; }
        .kind-badge {
          display: inline-block; margin-right: 0.45rem; padding: 0.02rem 0.5rem; border-radius: 6px;
          background: var(--surface-2); border: 1px solid var(--border); color: var(--text);
          font-size: 0.72rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; text-decoration: none;
          vertical-align: 0.1em;
        }
        a.kind-badge:hover { border-color: var(--accent); color: var(--accent); }
        .entry__desc { margin: 0.5rem 0 0; max-width: 62rem; }
        .entry__section { margin: 0.35rem 0 0; color: var(--muted); font-size: 0.88rem; }
        .entry__section span + span::before { content: " · "; }
        .entry__url { margin: 0.35rem 0 0; color: var(--warn); font-size: 0.88rem; }
        .entry__untagged { margin: 0.5rem 0 0; color: var(--warn); font-size: 0.9rem; }
        .entry__more { margin: 0.4rem 0 0; font-size: 0.88rem; color: var(--muted); }
        .entry__more a + a::before { content: " · "; color: var(--muted); }

        .tags { display: flex; flex-wrap: wrap; gap: 0.35rem; list-style: none; margin: 0.65rem 0 0; padding: 0; }
        .tag {
          display: inline-block; padding: 0.12rem 0.6rem; border-radius: 999px; background: var(--tag-bg);
          border: 1px solid var(--tag-border); color: var(--tag-text); font-size: 0.82rem; font-weight: 500;
          text-decoration: none; line-height: 1.5;
        }
        a.tag:hover { border-color: var(--accent); color: var(--accent-hover); }
        .tag--small { font-size: 0.75rem; padding: 0 0.5rem; }

        .why { margin-top: 0.5rem; font-size: 0.88rem; }
        .why summary { cursor: pointer; color: var(--muted); width: fit-content; border-radius: 4px; }
        .why summary:hover { color: var(--text); }
        .why ul { margin: 0.4rem 0 0; padding-left: 1.1rem; }
        .why li span + span::before { content: "; "; }

        .entry-lines { list-style: none; margin: 0; padding: 0; }
        .entry-line { padding: 0.6rem 0; border-top: 1px solid var(--border); display: grid; gap: 0.15rem; }
        .entry-line:first-child { border-top: 0; }
        .entry-line__title { font-weight: 600; }
        .entry-line__title a { text-decoration: none; }
        .entry-line__title a:hover { text-decoration: underline; }
        .entry-line__meta { color: var(--muted); font-size: 0.88rem; }
        .entry-line__tags { display: flex; flex-wrap: wrap; gap: 0.3rem; margin-top: 0.15rem; }

        /* A–Z */

        .letters ul { display: flex; flex-wrap: wrap; gap: 0.3rem; list-style: none; margin: 1rem 0 0; padding: 0; }
        .letters a, .letters__off {
          display: inline-grid; place-items: center; width: 2.2rem; height: 2.2rem; border-radius: 8px;
          font-weight: 650; text-decoration: none;
        }
        .letters a { background: var(--surface); border: 1px solid var(--border); }
        .letters a:hover { border-color: var(--accent); }
        .letters__off { color: var(--muted); opacity: 0.75; }
        .letter-section { margin-top: 2.25rem; scroll-margin-top: 1rem; }
        .letter-section h2 { border-bottom: 1px solid var(--border); padding-bottom: 0.3rem; margin-bottom: 1rem; }

        /* Coverage */

        .table-scroll { overflow-x: auto; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
        .findings { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
        .findings th, .findings td { text-align: left; vertical-align: top; padding: 0.55rem 0.75rem; border-bottom: 1px solid var(--border); }
        .findings th { background: var(--surface-2); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
        .findings tr:last-child td { border-bottom: 0; }
        .findings td:first-child { white-space: nowrap; }
        .findings .is-error td:nth-child(2) { color: var(--warn); font-weight: 700; }

        /* Search */

        .search-form { padding: 1.1rem 1.2rem; margin-top: 1.25rem; }
        .search-form__row { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: end; }
        .field { display: grid; gap: 0.25rem; }
        .field label { font-weight: 600; font-size: 0.9rem; }
        .field--grow { flex: 1 1 18rem; }
        .field--grow input { width: 100%; }
        .field--actions { display: flex; gap: 0.5rem; }
        .topic-picker { border: 0; margin: 1rem 0 0; padding: 0; }
        .topic-picker legend { font-weight: 600; font-size: 0.9rem; padding: 0; margin-bottom: 0.35rem; }
        .topic-picker__facets { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); gap: 0.5rem; }
        .facet-picker { border: 1px solid var(--border); border-radius: 8px; background: var(--surface-2); }
        .facet-picker summary { cursor: pointer; padding: 0.45rem 0.7rem; font-weight: 600; }
        .facet-picker ul { list-style: none; margin: 0; padding: 0.2rem 0.7rem 0.6rem; max-height: 18rem; overflow: auto; }
        .facet-picker li { display: flex; align-items: baseline; gap: 0.45rem; padding: 0.12rem 0; }
        .facet-picker label { flex: 1; cursor: pointer; }
        .facet-picker input { accent-color: var(--accent); }
        .depth-1 { padding-left: 1rem !important; }
        .depth-2 { padding-left: 2rem !important; }
        .depth-3, .depth-4 { padding-left: 3rem !important; }
        .active-filters { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-top: 1rem; }
        .active-filters button { font-size: 0.85rem; font-weight: 500; min-height: 0; padding: 0.2rem 0.7rem; border-radius: 999px; color: var(--tag-text); background: var(--tag-bg); border-color: var(--tag-border); }
        .active-filters button:hover { border-color: var(--accent); }
        .search-status { margin: 1.25rem 0 0.75rem; color: var(--muted); }

        /* Footer */

        .site-footer { border-top: 1px solid var(--border); background: var(--surface); color: var(--muted); font-size: 0.9rem; padding-block: 1.25rem; }
        .site-footer p { margin: 0.25rem 0; }
        .site-footer__data a + a::before { content: " · "; color: var(--muted); }

        /* Small screens */

        @media (max-width: 44rem) {
          .site-search { margin-left: 0; width: 100%; }
          .site-search input { flex: 1; width: auto; }
          .entry { padding: 0.85rem 0.9rem; }
          .entry__head { flex-direction: column; gap: 0.1rem; }
          .map--small svg { min-width: 34rem; }
          .site-nav a { padding: 0.3rem 0.42rem; font-size: 0.95rem; }
          .site-header__inner { gap: 0.5rem 1rem; }
          main { padding-top: 1.25rem; }
        }


        @media print {
          .site-header, .site-footer, .site-search, .map, .why summary { display: none; }
          .entry { box-shadow: none; break-inside: avoid; }
        }
        """#
}
