"""The page's own script, run in Node with a stand-in DOM: what it downloads imports.

Not a browser test (that layer comes later): it checks that the script reads the
form and builds the response the way tests/cli/test_invite.py reproduces it.
Skipped where Node is not installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.test_invite import invite
from tests.conftest import TODAY, Cli

NODE = shutil.which("node")

# A stand-in for the few DOM calls the script makes; the answers are filled in below.
HARNESS = r"""
const fs = require("fs");
const html = fs.readFileSync(process.argv[2], "utf8");
const js = html.match(/<script>([\s\S]*)<\/script>/)[1];
const formTag = html.match(/<form [^>]*>/)[0];
const dataset = {};
for (const m of formTag.matchAll(/data-([a-z-]+)="([^"]*)"/g)) {
  const key = m[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  dataset[key] = m[2].replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
}
const answers = {
  "initiation-score": "2", "initiation-lean": "i-carry",
  "depth-score": "5", "depth-lean": null,
  "crisis-score": null, "maintenance-score": "4", "maintenance-lean": null,
};
const examples = {
  initiation: "I text first.", depth: "Long talk.", crisis: "", maintenance: "We both do.",
};
const none = {crisis: true};
let handler; let downloaded;
const form = {
  dataset,
  querySelector(sel) {
    let m = sel.match(/input\[name="([^"]+)"\]:checked/);
    if (m) { const v = answers[m[1]]; return v ? {value: v} : null; }
    m = sel.match(/data-dimension="([^"]+)"/);
    if (m) return {textContent: m[1]};
  },
  elements: new Proxy({}, {get(_, name) {
    if (name.endsWith("-example")) return {value: examples[name.split("-")[0]]};
    if (name.endsWith("-none")) return {checked: !!none[name.split("-")[0]]};
  }}),
  addEventListener(_, h) { handler = h; },
};
const els = {problems: {textContent: ""}, done: {textContent: ""}};
global.document = {
  getElementById(id) { return id === "audit" ? form : els[id]; },
  createElement() { return {click() { downloaded = this; }}; },
  body: {appendChild() {}, removeChild() {}},
};
global.Blob = class { constructor(parts) { this.text = parts.join(""); } };
global.URL = {createObjectURL(b) { return b; }};
eval(js);
handler({preventDefault() {}});
if (els.problems.textContent) { console.error(els.problems.textContent); process.exit(1); }
fs.writeFileSync(process.argv[3] + "/" + downloaded.download, downloaded.href.text);
console.log(downloaded.download); console.log(els.done.textContent);
"""


@pytest.mark.skipif(NODE is None, reason="Node is not installed")
def test_the_script_downloads_a_response_that_imports(cli: Cli, tmp_path: Path) -> None:
    cli("person", "add", "Sam", "--kind", "partner")
    invite(cli, tmp_path)
    script = tmp_path / "harness.js"
    script.write_text(HARNESS, encoding="utf-8")
    out = tmp_path / "downloads"
    out.mkdir()
    assert NODE is not None
    run = subprocess.run(
        [NODE, str(script), str(tmp_path / "sam.html"), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    (downloaded,) = out.iterdir()
    data = json.loads(downloaded.read_text(encoding="utf-8"))
    assert data["date"] == TODAY.isoformat()
    assert data["dimensions"]["crisis"] == {"no_recent_example": True, "example": ""}
    assert data["dimensions"]["depth"]["lean"] == "mutual"  # a 5 is mutual without asking
    imported = cli("import-response", str(downloaded))
    assert imported.code == 0, imported.err
