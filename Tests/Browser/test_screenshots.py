"""Screenshots of the overview and one topic page (light, wide) plus phone and dark variants, for people."""
from conftest import make_driver


def full_page(driver, url, width):
    driver.set_window_size(width, 900)
    driver.get(url)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(max(height, 600), 7000))


def pick_topic(catalogue):
    ids = {c["id"]: c for c in catalogue["concepts"]}
    if "adversarial-robustness" in ids:
        return "adversarial-robustness"
    return max((c for c in catalogue["concepts"] if c["broader"]), key=lambda c: c["totalCount"])["id"]


def test_screenshots(site, catalogue, save_screenshot):
    topic = pick_topic(catalogue)
    pages = {"index": site / "index.html", "topic": site / "topics" / f"{topic}.html"}
    for variant, width, dark in (("", 1280, False), ("-phone", 390, False), ("-dark", 1280, True)):
        driver = make_driver(width, 900, dark)
        try:
            for name, path in pages.items():
                full_page(driver, path.as_uri(), width)
                shot = save_screenshot(driver, f"{name}{variant}.png")
                assert shot.stat().st_size > 10_000
        finally:
            driver.quit()
