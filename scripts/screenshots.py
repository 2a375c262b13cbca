"""Take the README's screenshots of the web app from the demo data set.

Run: .venv/bin/python scripts/screenshots.py  (or `make screenshots`)

Writes the demo data set to a temporary file (`reciprocity demo -o FILE`), starts the
real server on it (`reciprocity --db FILE serve` on a free port), and photographs the
overview and one relationship's page in Debian's Chromium at a desktop size:
docs/screenshots/overview.png and docs/screenshots/relationship.png. Nothing is fetched
from the network; Playwright never downloads a browser here.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import FloatRect, ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
VIEWPORT: ViewportSize = {"width": 1280, "height": 860}
# The demo's parent: its chart shows a season and a pattern that changes over two years.
PERSON = "Mum"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            if process.poll() is not None:
                raise SystemExit("reciprocity serve stopped before it listened") from None
            time.sleep(0.05)
    raise SystemExit("reciprocity serve did not start within 30 s")


def _shoot(origin: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT, color_scheme="light", base_url=origin)
        page.goto("/")
        page.screenshot(path=OUT / "overview.png")
        page.get_by_role("link", name=PERSON, exact=True).click()
        chart = page.locator("figure.chart-box")
        box = chart.bounding_box()
        assert box is not None, "the relationship page has no chart"
        # From the top of the page down to the chart's legend: the part that tells the story.
        bottom = box["y"] + box["height"] + 16
        clip: FloatRect = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": bottom}
        page.screenshot(path=OUT / "relationship.png", full_page=True, clip=clip)
        browser.close()


def main() -> int:
    """Write the demo, serve it, take both screenshots."""
    OUT.mkdir(parents=True, exist_ok=True)
    reciprocity = [sys.executable, "-m", "reciprocity"]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        subprocess.run([*reciprocity, "demo", "-o", str(db)], check=True, capture_output=True)
        port = _free_port()
        server = subprocess.Popen(
            [*reciprocity, "--db", str(db), "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
        )
        try:
            _wait_for(port, server)
            _shoot(f"http://127.0.0.1:{port}")
        finally:
            server.terminate()
            server.wait(timeout=10)
    for name in ("overview.png", "relationship.png"):
        print(OUT / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
