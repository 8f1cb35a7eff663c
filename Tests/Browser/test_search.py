"""The offline search finds entries by a word of the title and by topic, from file://."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import console_errors


def result_titles(driver):
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results .entry__title")]


def closure_count(catalogue, concept):
    """How many entries are tagged with `concept` or anything narrower (computed here, not by the site)."""
    broader = {c["id"]: c["broader"] for c in catalogue["concepts"]}

    def ancestors(cid, seen=None):
        seen = seen or set()
        for b in broader.get(cid, []):
            if b not in seen:
                seen.add(b)
                ancestors(b, seen)
        return seen

    return sum(1 for e in catalogue["entries"]
               if any(t["concept"] == concept or concept in ancestors(t["concept"]) for t in e["tags"]))


def distinctive_entry(catalogue):
    """A tagged entry and a word of its title that few other titles contain."""
    titles = [e["title"] for e in catalogue["entries"]]
    for entry in catalogue["entries"]:
        if not entry["tags"]:
            continue
        for word in sorted(re.findall(r"[A-Za-z]{7,}", entry["title"]), key=len, reverse=True):
            if sum(word.lower() in t.lower() for t in titles) <= 3:
                return entry, word
    raise AssertionError("no entry with a distinctive title word")


def test_search_by_title_word(site, catalogue, driver):
    entry, word = distinctive_entry(catalogue)
    console_errors(driver)
    driver.get((site / "search.html").as_uri())
    box = driver.find_element(By.ID, "search-q")
    box.send_keys(word)
    WebDriverWait(driver, 5).until(lambda d: result_titles(d))
    assert entry["title"] in result_titles(driver)
    assert "match" in driver.find_element(By.ID, "search-status").text
    assert not console_errors(driver)


def test_search_by_topic(site, catalogue, driver):
    concept = max((c for c in catalogue["concepts"] if not c["broader"] and 0 < c["totalCount"] < 200),
                  key=lambda c: c["totalCount"])
    child = next(c for c in catalogue["concepts"] if concept["id"] in c["broader"] and c["totalCount"] > 0)
    driver.get((site / "search.html").as_uri())
    # Open the facet's list and tick the narrower topic, as a reader would.
    box = driver.find_element(By.CSS_SELECTOR, f"input[name=topic][value='{child['id']}']")
    driver.execute_script("arguments[0].closest('details').open = true", box)
    driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']").click()
    WebDriverWait(driver, 5).until(lambda d: result_titles(d))
    expected = closure_count(catalogue, child["id"])
    assert len(result_titles(driver)) == expected
    tagged = [e["title"] for e in catalogue["entries"] if any(t["concept"] == child["id"] for t in e["tags"])]
    assert set(tagged) <= set(result_titles(driver))
    # The active filter shows as a button that removes it.
    driver.find_element(By.CSS_SELECTOR, "#search-active button").click()
    WebDriverWait(driver, 5).until(lambda d: not result_titles(d))
    assert not console_errors(driver)


def test_topic_page_link_and_header_search_work_from_file_urls(site, catalogue, driver):
    concept = next(c for c in catalogue["concepts"] if c["totalCount"] > 0 and c["broader"])
    driver.get((site / "topics" / f"{concept['id']}.html").as_uri())
    driver.find_element(By.CSS_SELECTOR, ".more-link a").click()
    WebDriverWait(driver, 5).until(lambda d: d.current_url.split("?")[0].endswith("/search.html"))
    WebDriverWait(driver, 5).until(lambda d: result_titles(d))
    assert len(result_titles(driver)) == closure_count(catalogue, concept["id"])

    entry, word = distinctive_entry(catalogue)
    driver.get((site / "a-z.html").as_uri())
    header = driver.find_element(By.ID, "site-q")
    header.send_keys(word, Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: d.current_url.split("?")[0].endswith("/search.html"))
    WebDriverWait(driver, 5).until(lambda d: result_titles(d))
    assert entry["title"] in result_titles(driver)
    assert driver.find_element(By.ID, "search-q").get_attribute("value") == word
    assert not console_errors(driver)
