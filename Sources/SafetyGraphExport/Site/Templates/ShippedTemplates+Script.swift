// The offline search: our own script, no library.
extension ShippedTemplates {
    static let searchScript = #"""
        /* SafetyGraph search: filters the entries in window.SAFETYGRAPH_INDEX (assets/search-index.js).
           Works from file:// (no fetch), builds every result with DOM methods (never innerHTML), and links only
           http(s) and mailto addresses. */
        (function () {
          "use strict";

          var form = document.getElementById("search-form");
          var status = document.getElementById("search-status");
          var results = document.getElementById("search-results");
          var active = document.getElementById("search-active");
          if (!form || !status || !results) { return; }
          var data = window.SAFETYGRAPH_INDEX;
          if (!data || !Array.isArray(data.entries)) {
            status.textContent = "The search index (assets/search-index.js) could not be loaded.";
            return;
          }

          var input = document.getElementById("search-q");
          var kindSelect = document.getElementById("search-kind");
          var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=topic]"));
          var LIMIT = 200;
          var topics = data.topics || {};
          var kinds = data.kinds || {};

          function fold(text) {
            return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
          }
          function words(text) {
            return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
          }
          function topicLabel(id) { return topics[id] ? topics[id].label : id; }
          function safeHref(url) {
            return typeof url === "string" && /^(https?:\/\/[^\s\/]|mailto:\S)/i.test(url) ? url : null;
          }
          function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

          // Each entry's searchable words: title, people, organisation, year, kind, and the labels of its topics
          // (broader ones included, so "robustness" finds an entry tagged "adversarial robustness").
          var docs = data.entries.map(function (entry) {
            var kind = own(kinds, entry.kind) ? kinds[entry.kind] : { name: entry.kind, plural: entry.kind, page: "" };
            var text = [entry.title, entry.authors, entry.organization, entry.year || "", kind.name, kind.plural]
              .concat(entry.topics.map(topicLabel)).join(" ");
            return { entry: entry, kind: kind, words: words(text), topics: new Set(entry.topics) };
          });

          function matches(doc, tokens, picked, kind) {
            if (kind && doc.entry.kind !== kind) { return false; }
            for (var i = 0; i < picked.length; i++) { if (!doc.topics.has(picked[i])) { return false; } }
            return tokens.every(function (token) {
              return doc.words.some(function (word) { return word.lastIndexOf(token, 0) === 0; });
            });
          }

          function element(name, className, text) {
            var node = document.createElement(name);
            if (className) { node.className = className; }
            if (text !== undefined) { node.textContent = text; }
            return node;
          }

          function link(href, text, className) {
            var a = element("a", className, text);
            a.setAttribute("href", href);
            return a;
          }

          function renderEntry(doc) {
            var entry = doc.entry;
            var li = element("li", "entry");
            var head = element("div", "entry__head");
            var title = element("p", "entry__title");
            var href = safeHref(entry.url);
            title.appendChild(href ? link(href, entry.title) : element("span", "", entry.title));
            head.appendChild(title);
            if (entry.year) { head.appendChild(element("span", "entry__year", String(entry.year))); }
            li.appendChild(head);

            var meta = element("p", "entry__meta");
            meta.appendChild(doc.kind.page ? link(doc.kind.page, doc.kind.name, "kind-badge") : element("span", "kind-badge", doc.kind.name));
            if (entry.authors) { meta.appendChild(element("span", "entry__by", " " + entry.authors)); }
            else if (entry.organization) { meta.appendChild(element("span", "entry__org", " " + entry.organization)); }
            li.appendChild(meta);

            if (entry.tags.length) {
              var list = element("ul", "tags");
              list.setAttribute("aria-label", "Topics");
              entry.tags.forEach(function (id) {
                var item = element("li");
                item.appendChild(own(topics, id) ? link(topics[id].page, topicLabel(id), "tag") : element("span", "tag", id));
                list.appendChild(item);
              });
              li.appendChild(list);
            }
            var more = element("p", "entry__more");
            more.appendChild(link("a-z.html#" + encodeURIComponent(entry.id), "Details and why it is tagged"));
            li.appendChild(more);
            return li;
          }

          function state() {
            return {
              tokens: words(input ? input.value : ""),
              picked: boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; })
                .filter(function (v, i, all) { return all.indexOf(v) === i; }),
              kind: kindSelect ? kindSelect.value : ""
            };
          }

          function showActive(s) {
            if (!active) { return; }
            active.textContent = "";
            s.picked.forEach(function (id) {
              var button = element("button", "", topicLabel(id) + " ×");
              button.type = "button";
              button.setAttribute("aria-label", "Remove topic " + topicLabel(id));
              button.addEventListener("click", function () {
                boxes.forEach(function (b) { if (b.value === id) { b.checked = false; } });
                run();
              });
              active.appendChild(button);
            });
            active.hidden = s.picked.length === 0;
          }

          function run() {
            var s = state();
            showActive(s);
            results.textContent = "";
            if (!s.tokens.length && !s.picked.length && !s.kind) {
              status.textContent = "Type a word or pick topics to search " + data.entries.length + " entries.";
              return;
            }
            var found = docs.filter(function (doc) { return matches(doc, s.tokens, s.picked, s.kind); });
            var fragment = document.createDocumentFragment();
            found.slice(0, LIMIT).forEach(function (doc) { fragment.appendChild(renderEntry(doc)); });
            results.appendChild(fragment);
            var what = found.length === 1 ? "1 entry matches" : found.length + " entries match";
            status.textContent = what + (found.length > LIMIT ? " (showing the first " + LIMIT + ")." : ".");
          }

          // Start from the address: ?q=words&topic=id&topic=id&kind=kind (from the header's search box and
          // the topic pages' "search within" links).
          var params = new URLSearchParams(window.location.search);
          if (input && params.get("q")) { input.value = params.get("q"); }
          if (kindSelect && params.get("kind")) {
            var wanted = params.get("kind");
            Array.prototype.forEach.call(kindSelect.options, function (o) { if (o.value === wanted) { kindSelect.value = wanted; } });
          }
          params.getAll("topic").forEach(function (id) {
            boxes.forEach(function (b) {
              if (b.value === id) {
                b.checked = true;
                var details = b.closest("details");
                if (details) { details.open = true; }
              }
            });
          });

          form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
          form.addEventListener("input", run);
          form.addEventListener("change", run);
          form.addEventListener("reset", function () { window.setTimeout(run, 0); });
          run();
        })();
        """#
}
