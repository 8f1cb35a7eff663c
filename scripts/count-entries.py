#!/usr/bin/env python3
"""Independent entry count for the ingest tests (Tests/SafetyGraphMarkdownTests/Fixtures/corpus-counts.tsv).

Counts the entries of each awesome list WITHOUT our Swift code: a different Markdown parser (markdown-it-py, a
CommonMark implementation unrelated to cmark-gfm, with its table and strikethrough rules and linkify-it for bare
http(s) URLs as GitHub autolinks them) and a separate, deliberately small implementation of DESIGN.md's definition:

- An entry is a list item or table body row whose OWN inline content (not nested lists, block quotes or tables) holds
  an http(s) link that is not an image-only badge and not a "back to top" link.
- Nothing under a navigation heading counts (names from IngestRules.standard, compared case-, diacritic- and
  emoji-insensitively); the document's first heading is its title when it is an h1 with no entry before the next
  heading, and is then not a section (it never hides anything either way).
- A nested item whose parent item is an entry and whose first link text is generic (`here`, `[paper]`, a year…)
  belongs to the parent (it is not counted).
- The main link of an item is its first entry link; of a row, the first entry link outside description columns
  (header names containing "description"/"summary", or "details"/"laudation"), else the first anywhere.
- Entries are merged by normalised URL (same rules as URLNormalizer): the count is the number of distinct main URLs.

Run in a throwaway venv outside the repository:
    python3 -m venv /tmp/mdit && /tmp/mdit/bin/pip install markdown-it-py linkify-it-py
    /tmp/mdit/bin/python scripts/count-entries.py ../shared/corpora/*.md
It prints `file<TAB>count<TAB>digest` lines: the digest is FNV-1a (64 bits, hex) of the distinct normalised main
URLs, sorted by code point and joined with newlines, so the test checks WHICH entries were found, not just how many. Mojibake files are decoded the way Python's own mac_roman codec allows.
"""
import re
import sys
import unicodedata
from urllib.parse import urlsplit

from markdown_it import MarkdownIt

NAVIGATION = ["Table of Contents", "Contents", "Content", "About", "About Us", "Contributing", "Contributions",
              "Contributors", "Citation", "Citations", "License", "Licence", "Acknowledgements", "Acknowledgments",
              "Star History", "Sponsors", "Backers"]
GENERIC = set("""paper papers code repo repository github gitlab site page project website web link here this pdf
slides video videos blog article book source dataset data demo note notes arxiv homepage talk poster doi url
preprint benchmark visualization materials tweet thread official openreview proceedings supplementary documentation
docs more report abstract leaderboard press news podcast model models checkpoint""".split())
GENERIC |= {"project page", "blog post", "article and materials", "read more", "full text"}


def key(name):
    name = re.sub(r":[A-Za-z0-9_+-]+:", "", name)
    name = "".join(c for c in name if not is_emoji(c))
    name = " ".join(name.split())
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if unicodedata.category(c) != "Mn")


def is_emoji(c):
    o = ord(c)
    return o in (0xFE0E, 0xFE0F, 0x200D, 0x20E3) or 0x1F000 <= o <= 0x1FAFF or 0x2190 <= o <= 0x2BFF or \
        0xE0020 <= o <= 0xE007F


NAV_KEYS = {key(n) for n in NAVIGATION}


def normalize(url):
    url = url.strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1]
    if not re.match(r"(?i)https?://", url) or re.search(r"[\s\x00-\x1f\x7f]", url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = parts.netloc.lower().rsplit("@", 1)[-1]
    for port in (":80", ":443"):
        if host.endswith(port):
            host = host[: -len(port)]
    host = host.rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if not host or host.startswith(".") or host.startswith(":"):
        return None
    path = parts.path.rstrip("/")
    if host == "github.com":
        path = path.lower()
    query = [q for q in parts.query.split("&") if q and q.split("=", 1)[0]
             and not q.split("=", 1)[0].lower().startswith("utm_") and q.split("=", 1)[0].lower() not in ("fbclid", "gclid")]
    result = "https://" + host + path + ("?" + "&".join(query) if query else "")
    if parts.fragment.startswith("/") or parts.fragment.startswith("!"):
        result += "#" + parts.fragment
    return result


def links_of(children):
    """(href, text, image_only) for each link in an inline token's children."""
    out, current, before = [], None, ""
    for t in children or []:
        if t.type == "link_open":
            current = [t.attrGet("href") or "", "", False, False, False]
            # GFM autolinks bare URLs only at a line start, after whitespace or after one of `*_~(` (cmark-gfm's
            # autolink extension); linkify-it is laxer (it links `[https://…]`), so its extra finds are dropped.
            if t.markup == "linkify" and before and not (before[-1].isspace() or before[-1] in "*_~("):
                current[4] = True  # not a link on GitHub: reported like a badge, which is never an entry link
        elif t.type == "text" and current is None:
            before = t.content
        elif t.type in ("softbreak", "hardbreak") and current is None:
            before = " "
        elif t.type == "link_close" and current:
            out.append((current[0], " ".join(current[1].split()), (current[2] and not current[3]) or current[4]))
            current = None
        elif current is not None:
            if t.type == "image":
                current[2] = True
            elif t.type in ("text", "code_inline"):
                current[1] += t.content
                current[3] = current[3] or bool(t.content.strip())
            elif t.type in ("softbreak", "hardbreak"):
                current[1] += " "
    return out


def entry_link(link):
    href, text, image_only = link
    return not image_only and normalize(href) is not None and "back to top" not in text.lower()


def generic(text):
    t = text.strip()
    if not t or (t.startswith("[") and t.endswith("]")):
        return True
    w = t.lower().strip(":-–—>,;|/•·[]().! ")
    return w in GENERIC or w.startswith(("http://", "https://", "www.")) or all(c.isdigit() or c in " ," for c in w)


def count(text):
    md = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])
    md.linkify.set({"fuzzy_link": False, "fuzzy_email": False, "fuzzy_ip": False})
    tokens = md.parse(text)

    # Top-level headings (level 0) and the document title rule.
    headings = [i for i, t in enumerate(tokens) if t.type == "heading_open" and t.level == 0]
    title_index = None
    if headings and tokens[headings[0]].tag == "h1":
        end = headings[1] if len(headings) > 1 else len(tokens)
        depth_items = 0
        found = False
        for t in tokens[headings[0]:end]:
            if t.type in ("list_item_open", "tr_open"):
                depth_items += 1
            elif t.type in ("list_item_close", "tr_close"):
                depth_items -= 1
            elif t.type == "inline" and depth_items > 0 and any(entry_link(l) for l in links_of(t.children)):
                found = True
        title_index = None if found else headings[0]

    path, nav = [], False
    stack = []          # open containers: [type, data]
    items = {}          # id(list_item token) -> {"links": [...], "parent": id or None}
    order = []
    rows = []
    header_roles = []
    in_thead = False
    for i, t in enumerate(tokens):
        if t.type == "heading_open" and t.level == 0:
            if i != title_index:
                name = "".join(c.content for c in tokens[i + 1].children if c.type in ("text", "code_inline"))
                level = int(t.tag[1])
                path = [p for p in path if p[0] < level] + [(level, key(name))]
                nav = any(k in NAV_KEYS for _, k in path)
            continue
        if t.nesting == 1:
            data = None
            if t.type == "list_item_open":
                parent = next((s[1] for s in reversed(stack) if s[0] == "list_item_open"), None)
                data = {"links": [], "parent": parent, "nav": nav, "id": i}
                items[i] = data
                order.append(i)
            elif t.type == "thead_open":
                in_thead, header_roles = True, []
            elif t.type == "tr_open" and not in_thead:
                data = {"cells": [], "nav": nav, "roles": header_roles}
                rows.append(data)
            stack.append((t.type, data if data is not None else i))
        elif t.nesting == -1:
            if t.type == "thead_close":
                in_thead = False
            if stack:
                stack.pop()
        elif t.type == "inline":
            types = [s[0] for s in stack]
            if "tr_open" in types or "th_open" in types:
                cell_text = "".join(c.content for c in t.children if c.type in ("text", "code_inline"))
                if in_thead:
                    name = key(cell_text)
                    header_roles.append("description" in name or "summary" in name or name in ("details", "laudation"))
                else:
                    row = next(s[1] for s in reversed(stack) if s[0] == "tr_open")
                    row["cells"].append(links_of(t.children))
                continue
            # Own content of the innermost item, unless a block quote or table opened inside it.
            for s in reversed(stack):
                if s[0] in ("blockquote_open", "table_open"):
                    break
                if s[0] == "list_item_open":
                    s[1]["links"].extend(links_of(t.children))
                    break

    urls = set()
    entry_items = set()
    for i in order:
        item = items[i]
        if item["nav"]:
            continue
        good = [l for l in item["links"] if entry_link(l)]
        if not good:
            continue
        parent = item["parent"]
        if parent is not None and parent["id"] in entry_items and generic(good[0][1]):
            continue
        entry_items.add(i)
        urls.add(normalize(good[0][0]))
    for row in rows:
        if row["nav"]:
            continue
        roles = row["roles"]
        main = None
        for want_description in (False, True):
            for col, cell in enumerate(row["cells"]):
                is_description = roles[col] if col < len(roles) else False
                if is_description != want_description:
                    continue
                good = [l for l in cell if entry_link(l)]
                if good:
                    main = good[0]
                    break
            if main:
                break
        if main:
            urls.add(normalize(main[0]))
    return urls


def fnv1a64(text):
    h = 0xcbf29ce484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def read(path):
    data = open(path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    try:
        repaired = text.encode("mac_roman").decode("utf-8")
        if repaired != text:
            text = repaired
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return text


if __name__ == "__main__":
    show_urls = "--urls" in sys.argv
    for path in [a for a in sys.argv[1:] if a != "--urls"]:
        urls = count(read(path))
        print(f"{path.rsplit('/', 1)[-1]}\t{len(urls)}\t{fnv1a64(chr(10).join(sorted(urls)))}")
        if show_urls:
            print("\n".join(sorted(urls)))
