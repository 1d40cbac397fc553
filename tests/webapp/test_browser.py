"""In a real browser (the system Chromium through Playwright) against a real uvicorn:
search as you type, the same search with JavaScript off, the copy buttons, axe-core's
accessibility rules on every page, and no horizontal scroll at 390 px or 1280 px."""

from __future__ import annotations

import re
from typing import Any

import pytest

from webapp.conftest import axe_violations, new_page
from webapp.test_pages import FORCES, PAGES

ALL_PAGES = [*PAGES, "/claims/cronin-1996-forces-4500"]  # and the 404 page


def test_search_as_you_type(server: str, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(server + "/")
    page.locator("#q").press_sequentially("surplus", delay=30)
    expect(page.locator("#hits-heading")).to_contain_text(re.compile(r"claims? for .surplus"))
    expect(page.locator("ol.hits mark").first).to_have_text(re.compile("surplus", re.I))
    expect(page).to_have_url(re.compile(r"/search\?q=surplus"))  # shareable
    expect(page.locator("#status")).to_have_text(re.compile(r"\d+ claims? found"))  # read out
    page.get_by_text("Filters").click()
    page.select_option("select[name=kind]", "money")
    expect(page).to_have_url(re.compile(r"kind=money"))
    expect(page.locator(".facets")).to_contain_text("money")
    page.reload()  # the pushed URL is a real page
    expect(page.locator("#q")).to_have_value("surplus")
    expect(page.locator("ol.hits li").first).to_be_visible()


def test_search_form_works_without_javascript(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    context, page, errors = new_page(browser, javascript=False)
    try:
        page.goto(server + "/")
        page.fill("#q", "forces")
        page.press("#q", "Enter")
        expect(page).to_have_url(re.compile(r"/search\?q=forces"))
        expect(page.locator("#hits-heading")).to_contain_text("forces")
        page.locator(".facets a", has_text="cronin-1996").first.click()
        expect(page).to_have_url(re.compile(r"source=cronin-1996"))
        sources = page.locator("ol.hits .meta").all_inner_texts()
        assert sources and all("cronin-1996" in line for line in sources)
    finally:
        context.close()
    assert errors == []


@pytest.mark.parametrize("url", ALL_PAGES)
def test_every_page_works_without_javascript(server: str, browser: Any, url: str) -> None:
    context, page, _ = new_page(browser, javascript=False)
    try:
        answer = page.goto(server + url)
        assert answer is not None and answer.status in (200, 404)
        assert page.locator("h1").inner_text().strip()
        assert page.locator("button.copy:visible").count() == 0  # nothing that needs JS shows
    finally:
        context.close()


def test_copy_buttons_copy_the_citation(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(f"{server}/claims/{FORCES}")
        button = page.get_by_role("button", name="Copy MLA")
        button.click()
        expect(button.locator("xpath=..").locator(".copied")).to_have_text("Copied.")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.locator("#cite-mla").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("url", ALL_PAGES)
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violations(server: str, browser: Any, url: str, width: int) -> None:
    context, page, errors = new_page(browser, width=width)
    try:
        page.goto(server + url)
        assert axe_violations(page) == []
    finally:
        context.close()
    assert errors == []


def test_the_axe_check_can_fail(browser: Any) -> None:
    context, page, _ = new_page(browser)
    try:
        page.set_content("<html><body><img src='x.png'><input></body></html>")
        found = {v["id"] for v in axe_violations(page)}
    finally:
        context.close()
    assert {"html-has-lang", "image-alt", "label"} <= found


@pytest.mark.parametrize("width", [390, 1280])
def test_no_horizontal_scroll(server: str, browser: Any, width: int) -> None:
    context, page, _ = new_page(browser, width=width, height=800)
    try:
        too_wide = {}
        for url in ALL_PAGES:
            page.goto(server + url)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                too_wide[url] = scroll
    finally:
        context.close()
    assert too_wide == {}


def test_timeline_chart_tells_facts_from_targets(server: str, page: Any) -> None:
    page.goto(server + "/timeline/okinawa")
    chart = page.locator("svg.chart").first
    assert chart.get_attribute("role") == "img"
    assert page.locator("svg.chart circle").count() >= 1
    legend = page.locator(".legend").inner_text()
    assert "target" in legend and "reported" in legend


def test_cite_the_selected_search_results(server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    context, page, errors = new_page(browser, javascript=False)  # a plain form
    try:
        page.goto(server + "/search?q=surplus")
        boxes = page.locator("input.pick")
        boxes.nth(0).check()
        boxes.nth(1).check()
        page.select_option("select[name=style]", "mla")
        page.get_by_role("button", name="Cite").click()
        expect(page).to_have_url(re.compile(r"/cite\?ids=.*&ids=.*style=mla"))
        expect(page.locator("h1")).to_contain_text("Cite 2 claims")
        expect(page.locator("#cite-all")).to_contain_text("Works Cited")
    finally:
        context.close()
    assert errors == []
