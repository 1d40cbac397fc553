"""Take the screenshots of docs/web.md (not a test): start `claims serve`, then

    python tests/webapp/screenshots.py http://127.0.0.1:8000

Small PNGs in docs/img/: each page at 1280 px (top of the page), and the search at 390 px.
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
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
