"""Fixtures for the browser suite: sites built by the real `safetygraph` binary, and headless Chromium.

The binary is $BIN (default .build/debug/safetygraph); run from the repository root (make test does).
"""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("BIN", ROOT / ".build" / "debug" / "safetygraph"))
if not BIN.is_absolute():
    BIN = ROOT / BIN
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTIFACTS = ROOT / ".artifacts" / "screenshots"
CHROMEDRIVER = "/usr/bin/chromedriver"


def build_site(output: Path, *extra: str) -> Path:
    """Runs `safetygraph build` into `output` and returns the site folder."""
    result = subprocess.run(
        [str(BIN), "build", "--output", str(output), "--quiet", *extra],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, f"safetygraph build failed ({result.returncode}):\n{result.stderr}"
    return output / "site"


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The default catalogue built into a fresh output folder: (output folder, site folder, catalogue)."""
    output = tmp_path_factory.mktemp("default") / "Output"
    site = build_site(output)
    catalogue = json.loads((output / "catalog.json").read_text(encoding="utf-8"))
    return output, site, catalogue


@pytest.fixture(scope="session")
def site(built):
    return built[1]


@pytest.fixture(scope="session")
def catalogue(built):
    return built[2]


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """A site built from a small hostile Markdown list (the shipped ontology, fixtures/hostile.md)."""
    output = tmp_path_factory.mktemp("hostile") / "Output"
    return build_site(output, "--list", str(FIXTURES / "hostile.md"))


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory):
    """Where screenshots go: a temp folder; each is also copied to .artifacts/screenshots (git-ignored)."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="session")
def save_screenshot(screenshot_dir):
    def save(driver, name: str) -> Path:
        path = screenshot_dir / name
        assert driver.save_screenshot(str(path)), f"no screenshot {name}"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, ARTIFACTS / name)
        return path
    return save


def make_driver(width=1280, height=1000, dark=False):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--hide-scrollbars", "--lang=en-GB"):
        options.add_argument(argument)
    if width < 500:
        # Desktop Chromium will not make a window this narrow: emulate a phone's screen instead.
        options.add_experimental_option(
            "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1}})
    if dark:
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()


def console_errors(driver):
    """The browser console's SEVERE messages since the last call (reading the log empties it)."""
    return [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
