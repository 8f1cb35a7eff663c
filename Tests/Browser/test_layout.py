"""Readable on a phone and on a wide screen: no page is wider than the screen (wide drawings scroll in their
own box), and the landmarks and heading order hold on every kind of page."""
import pytest

from conftest import make_driver

PAGES = ["index.html", "a-z.html", "coverage.html", "search.html", "kinds/article.html"]


@pytest.fixture(scope="module")
def phone():
    driver = make_driver(390, 844)
    yield driver
    driver.quit()


def sample(site, catalogue):
    topics = sorted((c for c in catalogue["concepts"] if c["broader"]), key=lambda c: -c["totalCount"])[:3]
    return PAGES + [f"topics/{c['id']}.html" for c in topics]


def test_no_page_is_wider_than_a_phone(site, catalogue, phone):
    for page in sample(site, catalogue):
        phone.get((site / page).as_uri())
        width, client = phone.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width <= client, f"{page}: {width}px wide on a {client}px screen"


def test_landmarks_and_heading_order(site, catalogue, driver):
    for page in sample(site, catalogue):
        driver.get((site / page).as_uri())
        info = driver.execute_script("""
          return {
            landmarks: ['header', 'nav', 'main', 'footer'].map(t => document.querySelectorAll(t).length),
            mains: document.querySelectorAll('main').length,
            levels: Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4')).map(h => +h.tagName[1]),
            title: document.title,
          };""")
        assert all(n >= 1 for n in info["landmarks"]) and info["mains"] == 1, page
        levels = info["levels"]
        assert levels and levels[0] == 1 and levels.count(1) == 1, (page, levels)
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (page, levels)
        assert info["title"].strip(), page
