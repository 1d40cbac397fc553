"""Studying in a real browser (system Chromium, Playwright) against a real uvicorn: sign in,
review by keyboard alone (Enter checks, 1-4 rate, u undoes; digits typed in an answer stay
in it), the same without JavaScript, a quiz, the stats and class pages, axe-core's rules
on every study page at two widths and no horizontal scroll."""

from __future__ import annotations

import re
from typing import Any

import pytest

from webapp.conftest import PASSWORDS, axe_violations, new_page


def sign_in(page: Any, server: str, name: str, wanted: str = "/review") -> None:
    from playwright.sync_api import expect

    page.goto(f"{server}{wanted}")
    expect(page).to_have_url(re.compile(r"/login\?next="))  # anonymous: sent to sign in
    page.fill("#name", name)
    page.fill("#password", PASSWORDS[name])
    page.press("#password", "Enter")
    expect(page).to_have_url(re.compile(re.escape(wanted.split("?")[0]) + r"($|\?)"))


def answer_current(page: Any, text: str) -> None:
    """Type (or pick) an answer and press Enter, as a keyboard user does."""
    if page.locator("#given").count():
        page.locator("#given").press_sequentially(text, delay=10)
        page.press("#given", "Enter")
    else:
        radio = page.locator("input[type=radio][name=given]").first
        radio.focus()
        page.keyboard.press("Space")
        page.keyboard.press("Enter")


def test_wrong_password_page(study_server: str, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(study_server + "/login")
    page.fill("#name", "ana")
    page.fill("#password", "not-the-password")
    page.press("#password", "Enter")
    expect(page.locator("#login-error")).to_have_text("Wrong name or password.")
    expect(page.locator("#name")).to_have_value("ana")


def reviews_of(page: Any, server: str) -> int:
    """The signed-in learner's standing answers, as their stats page shows them."""
    page.goto(server + "/stats")
    return int(page.locator("#totals div", has_text="Reviews").locator("dd").inner_text())


def test_review_by_keyboard_alone(study_server: str, page: Any) -> None:
    from playwright.sync_api import expect

    sign_in(page, study_server, "ana", "/stats")
    before = reviews_of(page, study_server)
    page.goto(study_server + "/review")
    if page.locator("#given").count():
        expect(page.locator("#given")).to_be_focused()  # type at once
        page.keyboard.type("1996", delay=10)  # digits stay typed: no rating
        expect(page.locator("#given")).to_have_value("1996")
        expect(page.locator("#verdict")).to_have_count(0)
        page.keyboard.press("Enter")
    else:
        answer_current(page, "")
    expect(page.locator("#verdict")).to_be_visible()
    expect(page.locator("#verdict")).to_contain_text("the answer is")
    expect(page.locator("#citation")).to_contain_text(re.compile(r"\(\d{4}\)"))
    page.keyboard.press("3")  # Good
    expect(page).to_have_url(re.compile(r"/review$"))
    expect(page.locator("#undo")).to_be_visible()
    assert reviews_of(page, study_server) == before + 1
    page.goto(study_server + "/review")
    if page.locator("#given").count():
        page.keyboard.press("u")  # typed into the answer field, which has the focus
        expect(page.locator("#given")).to_have_value("u")
        page.keyboard.press("Escape")  # leave the field: keys are the page's again
    page.keyboard.press("u")
    expect(page).to_have_url(re.compile(r"/review$"))
    assert reviews_of(page, study_server) == before  # undone


def test_review_works_without_javascript(study_server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    context, page, errors = new_page(browser, javascript=False)

    def reviews() -> int:
        return reviews_of(page, study_server)

    try:
        sign_in(page, study_server, "bob", "/stats")
        before = reviews()
        page.goto(study_server + "/review")
        if page.locator("#given").count():
            page.fill("#given", "no idea")
        else:
            page.locator("input[type=radio][name=given]").first.check()
        page.get_by_role("button", name="Check (Enter)").click()
        expect(page.locator("#verdict")).to_be_visible()
        page.get_by_role("button", name="1 Again").click()
        expect(page).to_have_url(re.compile(r"/review$"))
        assert reviews() == before + 1
        page.goto(study_server + "/review")
        page.get_by_role("button", name="Bury until tomorrow").click()
        expect(page).to_have_url(re.compile(r"/review$"))
        page.get_by_role("button", name="Undo last answer (u)").click()
        expect(page).to_have_url(re.compile(r"/review$"))
        assert reviews() == before  # undone (the buried card stays buried)
    finally:
        context.close()
    assert errors == []


def test_quiz_by_topic(study_server: str, page: Any) -> None:
    from playwright.sync_api import expect

    sign_in(page, study_server, "ana", "/quiz")
    page.select_option("#topic", "okinawa")
    page.fill("#count", "3")
    page.get_by_role("button", name="Start").click()
    expect(page).to_have_url(re.compile(r"seed=\d+"))
    items = page.locator("form.quiz > ol > li")
    expect(items).to_have_count(3)
    for index in range(3):
        field = page.locator(f"#a{index}")
        if field.count():
            field.fill("20 percent")
        else:
            page.locator(f"input[name=a{index}]").first.check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator("#score")).to_contain_text(re.compile(r"\d of 3"))
    expect(page.locator("ol.quiz-results li")).to_have_count(3)


def test_stats_and_class(study_server: str, browser: Any) -> None:
    from playwright.sync_api import expect

    context, page, _ = new_page(browser)
    try:
        sign_in(page, study_server, "ana", "/stats")
        for chart in ("#reviews-chart", "#heatmap-chart", "#forecast-chart"):
            expect(page.locator(chart)).to_be_visible()
            assert page.locator(chart).get_attribute("role") == "img"
        answer = page.goto(study_server + "/class")
        assert answer is not None and answer.status == 403
        expect(page.locator("h1")).to_have_text("Not allowed")
    finally:
        context.close()
    context, page, _ = new_page(browser)
    try:
        sign_in(page, study_server, "tess", "/class")
        expect(page.locator("#class tbody tr")).to_have_count(3)
        page.get_by_role("link", name="bob").click()
        expect(page.locator("h1")).to_contain_text("bob")
    finally:
        context.close()


STUDY_PAGES = ["/login", "/review", "/quiz", "/quiz?start=1&count=3&seed=5", "/stats",
               "/class"]


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_and_no_horizontal_scroll_on_study_pages(study_server: str, browser: Any,
                                                      width: int) -> None:
    context, page, errors = new_page(browser, width=width, height=800)
    problems: dict[str, Any] = {}
    try:
        sign_in(page, study_server, "tess")
        for url in STUDY_PAGES:
            page.goto(study_server + url)
            found = axe_violations(page)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if found or scroll > width:
                problems[url] = {"axe": found, "scroll": scroll}
        page.goto(study_server + "/review")
        answer_current(page, "1996")  # the checked page, with the ratings
        page.locator("#verdict").wait_for()
        found = axe_violations(page)
        if found:
            problems["/review/check"] = found
    finally:
        context.close()
    assert problems == {}
    assert errors == []
