"""A site built from a hostile list: no script of the list runs, and every hostile text shows literally."""
import json

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from conftest import console_errors
from pages import html_pages


@pytest.fixture(scope="module")
def hostile_catalogue(hostile_site):
    return json.loads((hostile_site.parent / "catalog.json").read_text(encoding="utf-8"))


def assert_nothing_ran(driver):
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text
    assert driver.execute_script("return window.__pwned === undefined")
    assert not console_errors(driver)


def test_no_script_runs_on_any_page(hostile_site, driver):
    console_errors(driver)
    for page in html_pages(hostile_site):
        driver.get(page.as_uri())
        # Hover and focus everything, so on* handlers would fire if any had slipped through.
        driver.execute_script("""
          for (const el of document.querySelectorAll('body *')) {
            for (const type of ['mouseover', 'focus', 'click']) {
              if (type === 'click' && el.closest('a, button, summary, label, input')) continue;
              el.dispatchEvent(new Event(type));
            }
          }""")
        assert_nothing_ran(driver)
        # Our scripts only: the JSON-LD block and, on the search page, the two asset scripts.
        sources = driver.execute_script(
            "return Array.from(document.scripts).map(s => s.type === 'application/ld+json' ? 'ld' : s.getAttribute('src'))")
        allowed = {"ld", "assets/search-index.js", "assets/search.js"}
        assert set(sources) <= allowed, (page.name, sources)
        assert sources.count("ld") == 1


def test_hostile_text_shows_literally(hostile_site, hostile_catalogue, driver):
    driver.get((hostile_site / "a-z.html").as_uri())
    entries = hostile_catalogue["entries"]
    assert any("<script>" in e["title"] for e in entries)
    for entry in entries:
        element = driver.find_element(By.ID, entry["id"])
        assert element.find_element(By.CSS_SELECTOR, ".entry__title").text == entry["title"]
        link = element.find_element(By.CSS_SELECTOR, ".entry__title a")
        assert link.get_attribute("href").startswith("https://example.org/")
        if entry.get("description"):
            assert element.find_element(By.CSS_SELECTOR, ".entry__desc").text == entry["description"]
    # The quotes in a URL stay inside its attribute.
    quoted = next(e for e in entries if "quotes" in e["url"])
    assert driver.find_element(By.ID, quoted["id"]).find_element(
        By.CSS_SELECTOR, ".entry__title a").get_attribute("href") in (quoted["url"], quoted["url"].replace('"', "%22").replace("'", "%27"))
    # No link anywhere points to javascript: or data:.
    hrefs = driver.execute_script("return Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href') || '')")
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))]
    assert_nothing_ran(driver)


def test_json_ld_keeps_closing_script_tags_inside_the_data(hostile_site, hostile_catalogue, driver):
    driver.get((hostile_site / "a-z.html").as_uri())
    blocks = driver.execute_script(
        "return Array.from(document.querySelectorAll('script[type=\"application/ld+json\"]')).map(s => s.textContent)")
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    ids = {"https://example.org/safetygraph/entries/" + e["id"] for e in hostile_catalogue["entries"]}
    names = {node["name"] for node in data["@graph"] if node.get("@id") in ids}
    assert names == {e["title"] for e in hostile_catalogue["entries"]}
    assert any("</script>" in name for name in names)
    raw = (hostile_site / "a-z.html").read_text(encoding="utf-8")
    block = raw.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block) == data


def test_search_shows_hostile_titles_as_text(hostile_site, hostile_catalogue, driver):
    driver.get((hostile_site / "search.html").as_uri() + "?q=script")
    titles = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results .entry__title")]
    expected = {e["title"] for e in hostile_catalogue["entries"] if "script" in e["title"].lower()}
    assert expected and expected <= set(titles)
    assert_nothing_ran(driver)
