"""Every internal link, every SVG node link and every asset of the site resolves, opened from file://."""
from conftest import console_errors
from pages import COLLECT_LINKS, check_target, html_pages


def test_every_page_link_and_svg_link_resolves_without_console_errors(site, driver):
    problems, errors = [], []
    checked = svg_links = 0
    output = site.parent
    pages = html_pages(site)
    assert len(pages) > 10, "the site has too few pages"
    console_errors(driver)
    for page in pages:
        driver.get(page.as_uri())
        for link in driver.execute_script(COLLECT_LINKS):
            problem = check_target(link["url"], output)
            checked += 1
            svg_links += link["svg"]
            if problem:
                problems.append(f"{page.relative_to(site)}: {link['raw']}: {problem}")
            elif not link["url"].startswith(("file:", "http:", "https:", "mailto:")):
                problems.append(f"{page.relative_to(site)}: {link['raw']}: unexpected scheme")
        errors += [f"{page.relative_to(site)}: {e['message']}" for e in console_errors(driver)]
    assert not problems, "\n".join(problems[:50])
    assert not errors, "\n".join(errors[:50])
    assert checked > 1000


def test_topic_map_links_every_topic_and_is_keyboard_reachable(site, catalogue, driver):
    driver.get((site / "index.html").as_uri())
    info = driver.execute_script("""
      const svg = document.querySelector('.map svg');
      if (!svg) return null;
      const links = Array.from(svg.querySelectorAll('a')).filter(a => a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || a.getAttribute('href'));
      return {
        role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'),
        title: svg.querySelector(':scope > title')?.textContent, desc: svg.querySelector(':scope > desc')?.textContent,
        targets: links.map(a => new URL(a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || a.getAttribute('href'), document.baseURI).pathname.split('/').pop()),
        focusable: links.filter(a => a.tabIndex >= 0).length,
        scripts: svg.querySelectorAll('script, foreignObject').length,
        handlers: Array.from(svg.querySelectorAll('*')).flatMap(el => Array.from(el.attributes).map(a => a.name)).filter(n => n.startsWith('on')).length,
      };
    """)
    assert info is not None, "index.html has no inline topic map"
    assert info["role"] == "img" and info["label"] and info["title"] and info["desc"]
    assert info["scripts"] == 0 and info["handlers"] == 0
    topics = {c["id"] + ".html" for c in catalogue["concepts"] if c["totalCount"] > 0}
    assert topics <= set(info["targets"]), sorted(topics - set(info["targets"]))[:10]
    assert info["focusable"] == len(info["targets"])

    # Tab from the top of the page reaches a topic-map link (keyboard users can open topics from the map).
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    driver.get((site / "index.html").as_uri())
    reached = False
    for _ in range(60):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return !!document.activeElement.closest('.map svg a')"):
            reached = True
            break
    assert reached, "no topic-map link reached with Tab"
