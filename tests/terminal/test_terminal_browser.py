"""One real browser on the terminal page: Debian's headless Chromium through selenium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.models import UpdateType
from services.roles import SYSTEM
from tests.terminal.conftest import Terminal

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture
def browser() -> Iterator[object]:
    """Headless Chromium (skipped only when the Debian chromium packages are absent)."""
    if not (CHROMIUM.exists() or shutil.which("chromium")) or not (CHROMEDRIVER.exists() or shutil.which("chromedriver")):
        pytest.skip("chromium / chromium-driver are not installed (apt install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=800,1280"):
        opts.add_argument(arg)
    service = Service(str(CHROMEDRIVER if CHROMEDRIVER.exists() else shutil.which("chromedriver")))
    driver = webdriver.Chrome(service=service, options=opts)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def test_deo_signs_in_and_calls_next_in_a_browser(terminal: Terminal, browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    terminal.queue.issue_token(UpdateType.RECERTIFICATION, actor=SYSTEM)
    wait = WebDriverWait(browser, 15)
    browser.get(terminal.url)
    browser.find_element(By.ID, "username").send_keys("deo1")
    browser.find_element(By.ID, "pin").send_keys("9999")
    browser.find_element(By.ID, "sign-in").click()
    assert "Wrong username or PIN" in wait.until(ec.presence_of_element_located((By.ID, "error"))).text
    browser.find_element(By.ID, "username").send_keys("deo1")
    browser.find_element(By.ID, "pin").send_keys("1234")
    browser.find_element(By.ID, "sign-in").click()
    call = wait.until(ec.element_to_be_clickable((By.ID, "btn-call")))
    assert browser.find_element(By.ID, "token").text == "---"
    call.click()
    wait.until(ec.text_to_be_present_in_element((By.ID, "token"), "V-001"))
    assert "Called V-001" in browser.find_element(By.ID, "message").text
    assert browser.find_element(By.ID, "btn-call").get_attribute("disabled") is not None
    assert terminal.queue.current_at(terminal.counters[0]).number == "V-001"
    browser.save_screenshot(str(tmp_path / "terminal.png"))
