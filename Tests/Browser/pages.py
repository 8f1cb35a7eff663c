"""Helpers shared by the browser tests: the pages of a site, the ids a page holds, what a link points to."""
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse


def html_pages(site: Path):
    return sorted(site.rglob("*.html"))


class _IDs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)


_ids_cache = {}


def ids_in(path: Path):
    if path not in _ids_cache:
        parser = _IDs()
        parser.feed(path.read_text(encoding="utf-8"))
        _ids_cache[path] = parser.ids
    return _ids_cache[path]


def check_target(url: str, root: Path):
    """None when a file:// URL resolves (file exists, fragment is an id there), else the problem."""
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return None
    target = Path(unquote(parsed.path))
    if not target.exists():
        return f"missing file {target}"
    if not target.resolve().is_relative_to(root.resolve()):
        return f"leaves the output folder: {target}"
    if parsed.fragment and target.suffix == ".html" and unquote(parsed.fragment) not in ids_in(target):
        return f"no id '{parsed.fragment}' in {target.name}"
    return None


# Every link-like attribute on the page, resolved by the browser itself (SVG <a> use xlink:href).
COLLECT_LINKS = """
const out = [];
for (const a of document.querySelectorAll('a')) {
  const raw = a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
  if (raw === null) continue;
  out.push({raw: raw, svg: a.namespaceURI === 'http://www.w3.org/2000/svg', url: new URL(raw, document.baseURI).href});
}
for (const el of document.querySelectorAll('link[href], script[src]')) {
  const raw = el.getAttribute('href') ?? el.getAttribute('src');
  out.push({raw: raw, svg: false, url: new URL(raw, document.baseURI).href});
}
for (const form of document.querySelectorAll('form[action]')) {
  const raw = form.getAttribute('action');
  out.push({raw: raw, svg: false, url: new URL(raw, document.baseURI).href});
}
return out;
"""
