"""Take the screenshots of docs/web.md (not a test): start `claims serve`, then

    python tests/webapp/screenshots.py http://127.0.0.1:8000

Small PNGs in docs/img/: each page at 1280 px (top of the page), and the search at 390 px.
With CLAIMS_SHOT_TEACHER=NAME:PASSWORD (a teacher of the served database), the study
pages too, as JPEGs at 960 px. A demo class for them:

    python tests/webapp/screenshots.py --demo-class sqlite:///demo.db
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parents[2] / "docs" / "img"
SHOTS = [  # (file, path, width, height)
    ("search.png", "/search?q=surplus", 1280, 760),
    ("search-phone.png", "/search?q=forces", 390, 760),
    ("claim.png", "/claims/cronin-1996-forces-45000", 1280, 900),
    ("compare.png", "/compare/us-forces-in-japan", 1280, 700),
    ("compare-topic.png", "/compare?topic=china", 1280, 760),
    ("timeline.png", "/timeline/summits", 1280, 1000),
    ("sources.png", "/sources", 1280, 600),
    ("source.png", "/sources/cronin-1996", 1280, 800),
    ("compare-index.png", "/compare", 1280, 600),
    ("cite.png", "/cite?ids=cronin-1996-forces-45000,manning-1993-surplus-us-1992&style=mla",
     1280, 520),
    ("not-found.png", "/compare?topic=okinwa", 1280, 560),
]


STUDY_SHOTS = [  # (file, path, width, height); signed in as the teacher
    ("review.jpg", "/review", 960, 620),
    ("stats.jpg", "/stats?learner=ana", 960, 900),
    ("class.jpg", "/class", 960, 520),
]


def demo_class(url: str) -> None:
    """Learners ana, bob and chen with two weeks of answers, and the teacher tess
    (password tess-password), in the database ``url`` (built if need be)."""
    import random
    from datetime import UTC, datetime, timedelta

    from sqlmodel import Session

    from claims.accounts import add_account
    from claims.db import open_database
    from claims.ingest.corpus import ensure_corpus
    from claims.study.api import answer, next_for_review

    engine = open_database(url)
    ensure_corpus(engine)
    start = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    with Session(engine) as session:
        add_account(session, "tess", "tess-password", teacher=True)
        for name, skill in (("ana", 0.8), ("bob", 0.55), ("chen", 0.7)):
            add_account(session, name, f"{name}-password")
            rng = random.Random(name)
            for day in range(14, 0, -1):
                if rng.random() < 0.25:
                    continue  # a day off
                for step in range(rng.randint(4, 12)):
                    now = start - timedelta(days=day) + timedelta(minutes=2 * step)
                    card = next_for_review(session, now=now, learner=name)["card"]
                    if card is None:
                        break
                    given = card["answer"] if rng.random() < skill else "no idea"
                    answer(session, card["id"], given, now=now, learner=name)
        session.commit()
    engine.dispose()


def study_shots(base: str, browser: object, teacher: str) -> None:
    name, _, password = teacher.partition(":")
    context = browser.new_context(viewport={"width": 960, "height": 620})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base + "/login")
    page.fill("#name", name)
    page.fill("#password", password)
    page.press("#password", "Enter")
    for shot, path, width, height in STUDY_SHOTS:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(base + path)
        if shot == "review.jpg":
            field = page.locator("#given")
            if field.count():
                field.fill("about 45,000")
                field.press("Enter")
            else:
                page.locator("input[type=radio][name=given]").first.check()
                page.get_by_role("button", name="Check (Enter)").click()
            page.locator("#verdict").wait_for()
        page.screenshot(path=str(OUT / shot), type="jpeg", quality=70)
        print(shot, (OUT / shot).stat().st_size)
    context.close()


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                             headless=True)
        for name, path, width, height in SHOTS:
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(base + path)
            page.screenshot(path=str(OUT / name))
            context.close()
            print(name, (OUT / name).stat().st_size)
        import os

        if os.environ.get("CLAIMS_SHOT_TEACHER"):
            study_shots(base, browser, os.environ["CLAIMS_SHOT_TEACHER"])
        browser.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--demo-class"]:
        demo_class(sys.argv[2])
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
