// The page templates; each extends `layout`.
extension ShippedTemplates {
    static let index = #"""
        {{!
          index: the overview. Values: definition, entryCount, topicCount, facetCount, kindCount, listCount,
          hasMap/svg (the topic map, rebuilt by the generator's SVG sanitiser: written unescaped, triple braces),
          facets [label, href, total, definition, hasChildren, children [label, href, total, empty]],
          kinds [plural, href, count], hasNewest/newest, hasConnected/connected (entries).
        }}
        {{<layout}}
        {{$main}}
        <section class="hero" aria-labelledby="hero-title">
        <p class="eyebrow">A browsable reading list</p>
        <h1 id="hero-title">{{siteTitle}}</h1>
        <p class="lede">{{definition}}</p>
        <ul class="stats">
        <li><strong>{{entryCount}}</strong> entries</li>
        <li><strong>{{topicCount}}</strong> topics</li>
        <li><strong>{{facetCount}}</strong> facets</li>
        <li><strong>{{kindCount}}</strong> kinds of resource</li>
        </ul>
        <p class="hero__how">Each entry of the reading list is tagged with topics from a concept scheme, and each tag records why it was given. Start from a topic below or on the map, read everything <a href="a-z.html">A–Z</a>, or <a href="search.html">search and filter</a>. Every page works offline.</p>
        </section>
        {{#hasMap}}
        <section class="band" aria-labelledby="map-title">
        <h2 id="map-title">Topic map</h2>
        <p class="section-note">Facets are the boxes; a topic grows with its entries; lines join broader and related topics. Select a topic to open its page.</p>
        <figure class="map">
        <div class="map__scroll" tabindex="0" role="region" aria-label="Topic map, scrolls sideways">
        {{{svg}}}
        </div>
        </figure>
        </section>
        {{/hasMap}}
        <section id="topics" class="band" aria-labelledby="topics-title">
        <h2 id="topics-title">Topics</h2>
        <p class="section-note">Facets and their topics, with the number of entries under each (narrower topics included).</p>
        <div class="facet-grid">
        {{#facets}}
        <section class="card facet-card" aria-labelledby="facet-{{id}}">
        <h3 id="facet-{{id}}"><a href="{{root}}{{href}}">{{label}}</a> <span class="count">{{total}}</span></h3>
        <p class="facet-card__def">{{definition}}</p>
        {{#hasChildren}}
        <ul class="topic-list">
        {{#children}}
        <li><a href="{{root}}{{href}}"{{#empty}} class="is-empty"{{/empty}}>{{label}}</a> <span class="count">{{total}}</span></li>
        {{/children}}
        </ul>
        {{/hasChildren}}
        </section>
        {{/facets}}
        </div>
        </section>
        <section id="kinds" class="band" aria-labelledby="kinds-title">
        <h2 id="kinds-title">Kinds of resource</h2>
        <ul class="chip-list">
        {{#kinds}}
        <li><a class="chip" href="{{root}}{{href}}">{{plural}} <span class="count">{{count}}</span></a></li>
        {{/kinds}}
        </ul>
        </section>
        <div class="two-col band">
        {{#hasNewest}}
        <section aria-labelledby="newest-title">
        <h2 id="newest-title">Newest entries</h2>
        <ol class="entry-lines">
        {{#newest}}
        {{>entry-line}}
        {{/newest}}
        </ol>
        </section>
        {{/hasNewest}}
        {{#hasConnected}}
        <section aria-labelledby="connected-title">
        <h2 id="connected-title">Most connected</h2>
        <ol class="entry-lines">
        {{#connected}}
        {{>entry-line}}
        {{/connected}}
        </ol>
        </section>
        {{/hasConnected}}
        </div>
        {{/main}}
        {{/layout}}
        """#

    static let topic = #"""
        {{!
          topic: one concept. Values: id, label, definition, hasScopeNote/scopeNote, hasAltLabels/altLabels,
          isFacet, hasFacets/facets, hasBreadcrumbs/breadcrumbs [steps [label, href], current],
          hasBroader/broader, hasNarrower/narrower, hasRelated/related [label, href, total, empty],
          hasExternal/external [relation, hasHref, href, text, full], own, total, hasEntries,
          hasMap/svg (the neighbourhood graph, rebuilt by the generator's SVG sanitiser: written unescaped, triple braces),
          hasOwnEntries/ownEntries, hasGroups/groups [label, href, shownCount, entries].
        }}
        {{<layout}}
        {{$main}}
        {{#hasBreadcrumbs}}
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
        {{#breadcrumbs}}
        <ol>
        {{#steps}}
        <li><a href="{{root}}{{href}}">{{label}}</a></li>
        {{/steps}}
        <li aria-current="page">{{current}}</li>
        </ol>
        {{/breadcrumbs}}
        </nav>
        {{/hasBreadcrumbs}}
        <header class="page-head">
        <p class="eyebrow">{{#isFacet}}Facet{{/isFacet}}{{^isFacet}}Topic{{#hasFacets}} in {{#facets}}<span>{{label}}</span>{{/facets}}{{/hasFacets}}{{/isFacet}}</p>
        <h1>{{label}}</h1>
        <p class="lede">{{definition}}</p>
        {{#hasScopeNote}}
        <p class="scope-note"><strong>Scope:</strong> {{scopeNote}}</p>
        {{/hasScopeNote}}
        <dl class="facts">
        <div><dt>Entries</dt><dd><strong>{{own}}</strong> tagged with this topic · <strong>{{total}}</strong> with its narrower topics</dd></div>
        {{#hasAltLabels}}
        <div><dt>Also called</dt><dd class="inline-list">{{#altLabels}}<span>{{.}}</span>{{/altLabels}}</dd></div>
        {{/hasAltLabels}}
        {{#hasExternal}}
        <div><dt>Elsewhere</dt><dd><ul class="plain-list">{{#external}}<li>{{relation}} {{#hasHref}}<a href="{{href}}" title="{{full}}">{{text}}</a>{{/hasHref}}{{^hasHref}}<code>{{full}}</code>{{/hasHref}}</li>{{/external}}</ul></dd></div>
        {{/hasExternal}}
        </dl>
        </header>
        <section class="band" aria-labelledby="place-title">
        <h2 id="place-title">Place in the scheme</h2>
        <div class="topic-layout{{#hasMap}} topic-layout--with-map{{/hasMap}}">
        <div class="relations">
        {{#hasBroader}}
        <div class="relations__group">
        <h3>Broader</h3>
        <ul class="topic-list">
        {{#broader}}
        <li><a href="{{root}}{{href}}">{{label}}</a> <span class="count">{{total}}</span></li>
        {{/broader}}
        </ul>
        </div>
        {{/hasBroader}}
        {{#hasNarrower}}
        <div class="relations__group">
        <h3>Narrower</h3>
        <ul class="topic-list">
        {{#narrower}}
        <li><a href="{{root}}{{href}}"{{#empty}} class="is-empty"{{/empty}}>{{label}}</a> <span class="count">{{total}}</span></li>
        {{/narrower}}
        </ul>
        </div>
        {{/hasNarrower}}
        {{#hasRelated}}
        <div class="relations__group">
        <h3>Related</h3>
        <ul class="topic-list">
        {{#related}}
        <li><a href="{{root}}{{href}}">{{label}}</a> <span class="count">{{total}}</span></li>
        {{/related}}
        </ul>
        </div>
        {{/hasRelated}}
        {{^hasBroader}}{{^hasNarrower}}{{^hasRelated}}<p>No broader, narrower or related topics.</p>{{/hasRelated}}{{/hasNarrower}}{{/hasBroader}}
        </div>
        {{#hasMap}}
        <figure class="map map--small">
        <div class="map__scroll" tabindex="0" role="region" aria-label="Neighbourhood graph, scrolls sideways">
        {{{svg}}}
        </div>
        <figcaption>{{label}} and its neighbours. Select a topic to open its page.</figcaption>
        </figure>
        {{/hasMap}}
        </div>
        </section>
        <section id="entries" class="band" aria-labelledby="entries-title">
        <h2 id="entries-title">Entries</h2>
        {{#hasOwnEntries}}
        <h3 class="group-title">Tagged “{{label}}” <span class="count">{{own}}</span></h3>
        <ol class="entries">
        {{#ownEntries}}
        {{>entry}}
        {{/ownEntries}}
        </ol>
        {{/hasOwnEntries}}
        {{#groups}}
        <h3 class="group-title">Through <a href="{{root}}{{href}}">{{label}}</a> <span class="count">{{shownCount}}</span></h3>
        <ol class="entries">
        {{#entries}}
        {{>entry}}
        {{/entries}}
        </ol>
        {{/groups}}
        {{^hasEntries}}
        <p class="empty-note">No entry is tagged with this topic or a narrower one yet. Curators: see <a href="../coverage.html">coverage</a>.</p>
        {{/hasEntries}}
        {{#hasEntries}}
        <p class="more-link"><a href="../search.html?topic={{id}}">Search and filter within {{label}}</a></p>
        {{/hasEntries}}
        </section>
        {{/main}}
        {{/layout}}
        """#

    static let kind = #"""
        {{!
          kind: the entries of one kind. Values: plural, kind, count, entries, kinds [plural, href, count, current].
        }}
        {{<layout}}
        {{$main}}
        <header class="page-head">
        <p class="eyebrow">Kind of resource</p>
        <h1>{{plural}} <span class="count count--large">{{count}}</span></h1>
        <nav aria-label="Kinds of resource">
        <ul class="chip-list">
        {{#kinds}}
        <li><a class="chip" href="{{root}}{{href}}"{{#current}} aria-current="page"{{/current}}>{{plural}} <span class="count">{{count}}</span></a></li>
        {{/kinds}}
        </ul>
        </nav>
        </header>
        <ol class="entries band">
        {{#entries}}
        {{>entry}}
        {{/entries}}
        </ol>
        {{/main}}
        {{/layout}}
        """#

    static let aToZ = #"""
        {{!
          a-z: every entry by title. Values: count, letters [letter, anchor, hasEntries],
          sections [letter, anchor, count, entries].
        }}
        {{<layout}}
        {{$main}}
        <header class="page-head">
        <p class="eyebrow">Every entry</p>
        <h1>A–Z <span class="count count--large">{{count}}</span></h1>
        <nav class="letters" aria-label="Letters">
        <ul>
        {{#letters}}
        <li>{{#hasEntries}}<a href="#{{anchor}}">{{letter}}</a>{{/hasEntries}}{{^hasEntries}}<span class="letters__off">{{letter}}</span>{{/hasEntries}}</li>
        {{/letters}}
        </ul>
        </nav>
        </header>
        {{#sections}}
        <section class="letter-section" id="{{anchor}}" aria-labelledby="{{anchor}}-title">
        <h2 id="{{anchor}}-title">{{letter}} <span class="count">{{count}}</span></h2>
        <ol class="entries">
        {{#entries}}
        {{>entry}}
        {{/entries}}
        </ol>
        </section>
        {{/sections}}
        {{/main}}
        {{/layout}}
        """#

    static let coverage = #"""
        {{!
          coverage: for curators. Values: untagged (entries), untaggedCount, hasUntagged,
          emptyTopics [label, href, facets], emptyCount, hasEmptyTopics,
          findings [location, severity, isError, code, message], findingCount, hasFindings, codes [code, count].
        }}
        {{<layout}}
        {{$main}}
        <header class="page-head">
        <p class="eyebrow">For curators</p>
        <h1>Coverage</h1>
        <p class="lede">What tagging missed and what the lists or the ontology should fix. <code>safetygraph lint</code> prints the same findings.</p>
        <ul class="stats">
        <li><a href="#untagged"><strong>{{untaggedCount}}</strong> untagged entries</a></li>
        <li><a href="#empty-topics"><strong>{{emptyCount}}</strong> topics without entries</a></li>
        <li><a href="#findings"><strong>{{findingCount}}</strong> lint findings</a></li>
        </ul>
        </header>
        <section id="untagged" class="band" aria-labelledby="untagged-title">
        <h2 id="untagged-title">Untagged entries</h2>
        {{#hasUntagged}}
        <p class="section-note">No label, section rule, organisation rule or override gave these entries a topic.</p>
        <ol class="entries">
        {{#untagged}}
        {{>entry}}
        {{/untagged}}
        </ol>
        {{/hasUntagged}}
        {{^hasUntagged}}
        <p class="empty-note">Every entry has at least one topic.</p>
        {{/hasUntagged}}
        </section>
        <section id="empty-topics" class="band" aria-labelledby="empty-title">
        <h2 id="empty-title">Topics without entries</h2>
        {{#hasEmptyTopics}}
        <p class="section-note">No entry is tagged with these topics or anything narrower.</p>
        <ul class="topic-list topic-list--columns">
        {{#emptyTopics}}
        <li><a href="{{root}}{{href}}">{{label}}</a> <span class="muted">{{facets}}</span></li>
        {{/emptyTopics}}
        </ul>
        {{/hasEmptyTopics}}
        {{^hasEmptyTopics}}
        <p class="empty-note">Every topic has at least one entry.</p>
        {{/hasEmptyTopics}}
        </section>
        <section id="findings" class="band" aria-labelledby="findings-title">
        <h2 id="findings-title">Lint findings</h2>
        {{#hasFindings}}
        <ul class="chip-list">
        {{#codes}}
        <li><span class="chip chip--static"><code>{{code}}</code> <span class="count">{{count}}</span></span></li>
        {{/codes}}
        </ul>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Lint findings, scrolls sideways">
        <table class="findings">
        <thead><tr><th scope="col">Where</th><th scope="col">Severity</th><th scope="col">Code</th><th scope="col">Finding</th></tr></thead>
        <tbody>
        {{#findings}}
        <tr{{#isError}} class="is-error"{{/isError}}><td><code>{{location}}</code></td><td>{{severity}}</td><td><code>{{code}}</code></td><td>{{message}}</td></tr>
        {{/findings}}
        </tbody>
        </table>
        </div>
        {{/hasFindings}}
        {{^hasFindings}}
        <p class="empty-note">No findings.</p>
        {{/hasFindings}}
        </section>
        {{/main}}
        {{/layout}}
        """#

    static let search = #"""
        {{!
          search: the offline search. Values: kinds [kind, plural, count],
          facets [label, facetID, options [id, label, total, indent]].
          The script (assets/search.js) reads the index from assets/search-index.js.
        }}
        {{<layout}}
        {{$main}}
        <header class="page-head">
        <p class="eyebrow">Find entries</p>
        <h1>Search</h1>
        <p class="lede">Type words from a title, an author, an organisation or a topic, and pick topics or a kind: entries must match all of them. Picking a topic includes its narrower topics. Works offline.</p>
        </header>
        <form id="search-form" class="search-form card" action="search.html" method="get">
        <div class="search-form__row">
        <div class="field field--grow">
        <label for="search-q">Words</label>
        <input id="search-q" name="q" type="search" autocomplete="off" placeholder="e.g. adversarial, verification, aviation">
        </div>
        <div class="field">
        <label for="search-kind">Kind</label>
        <select id="search-kind" name="kind">
        <option value="">Any kind</option>
        {{#kinds}}
        <option value="{{kind}}">{{plural}} ({{count}})</option>
        {{/kinds}}
        </select>
        </div>
        <div class="field field--actions">
        <button type="submit">Search</button>
        <button type="reset" id="search-clear" class="button--quiet">Clear</button>
        </div>
        </div>
        <fieldset class="topic-picker">
        <legend>Topics</legend>
        <div class="topic-picker__facets">
        {{#facets}}
        <details class="facet-picker">
        <summary>{{label}}</summary>
        <ul>
        {{#options}}
        <li class="{{indent}}"><input type="checkbox" id="t-{{facetID}}-{{id}}" name="topic" value="{{id}}"><label for="t-{{facetID}}-{{id}}">{{label}} <span class="count">{{total}}</span></label></li>
        {{/options}}
        </ul>
        </details>
        {{/facets}}
        </div>
        </fieldset>
        </form>
        <div id="search-active" class="active-filters" hidden></div>
        <p id="search-status" class="search-status" role="status">Search needs JavaScript. Without it, use the <a href="a-z.html">A–Z list</a> or the topic pages.</p>
        <ol id="search-results" class="entries"></ol>
        {{/main}}
        {{$scripts}}
        <script src="assets/search-index.js"></script>
        <script src="assets/search.js"></script>
        {{/scripts}}
        {{/layout}}
        """#
}
