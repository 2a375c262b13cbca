"""The invitation page: one self-contained HTML file for the other person to audit from their side.

Inline CSS and one inline script of our own; no network, no external address,
nothing of the user's answers. The script builds the response file described in
docs/conversation.md and offers it as a download (a Blob and a download link).
Every text on the page comes from the message catalogue.
"""

from __future__ import annotations

from html import escape

from reciprocity import messages
from reciprocity.core.invitation import Invitation
from reciprocity.core.model import MAX_SCORE, MIN_SCORE, Dimension, Lean
from reciprocity.formats.response import RESPONSE_FORMAT, RESPONSE_VERSION

__all__ = ["invitation_html", "response_file_name"]

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; background: #fcfcfa; }
h1 { font-size: 1.5rem; }
fieldset { border: 1px solid #ccc; border-radius: 8px; margin: 1.5rem 0; padding: 1rem; }
legend { font-weight: 600; padding: 0 .3rem; }
.help { color: #555; font-size: .95rem; }
label { display: block; margin: .2rem 0; }
textarea { width: 100%; min-height: 4rem; font: inherit; }
button { font: inherit; padding: .6rem 1.2rem; border-radius: 6px; border: 1px solid #335;
         background: #335; color: #fff; cursor: pointer; }
#problems { color: #8a1c1c; }
#done { color: #1c5a2a; }
"""

# The script reads the form and writes the response in the shape parse_response reads:
# tests/cli/test_invite.py builds the same object in Python.
_SCRIPT = """
(function () {
  var form = document.getElementById("audit");
  var data = form.dataset;
  var dimensions = JSON.parse(data.dimensions);
  function chosen(name) {
    var picked = form.querySelector('input[name="' + name + '"]:checked');
    return picked ? picked.value : null;
  }
  function read(problems) {
    var answers = {};
    dimensions.forEach(function (d) {
      var label = form.querySelector('[data-dimension="' + d + '"] legend').textContent;
      var example = form.elements[d + "-example"].value.trim();
      if (form.elements[d + "-none"].checked) {
        answers[d] = {no_recent_example: true, example: example};
        return;
      }
      var score = chosen(d + "-score");
      var lean = chosen(d + "-lean");
      if (score === null) {
        problems.push(data.needScore.replace("{dimension}", label));
        return;
      }
      score = parseInt(score, 10);
      if (score === 5) { lean = "mutual"; }
      if (score === 4 && lean === null) { lean = "mutual"; }
      if (score < 4 && (lean === null || lean === "mutual")) {
        problems.push(data.needLean.replace("{dimension}", label));
      }
      if (example === "") {
        problems.push(data.needExample.replace("{dimension}", label));
      }
      answers[d] = {score: score, lean: lean, example: example};
    });
    return answers;
  }
  function today() {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var problems = [];
    var answers = read(problems);
    var shown = document.getElementById("problems");
    shown.textContent = problems.join(" ");
    if (problems.length) { return; }
    var response = {
      format: data.format,
      version: parseInt(data.version, 10),
      invitation: data.invitation,
      person: data.person,
      code: data.code,
      date: today(),
      dimensions: answers
    };
    var blob = new Blob([JSON.stringify(response, null, 2) + "\\n"],
                        {type: "application/json"});
    var link = document.createElement("a");
    link.download = data.file;
    link.href = URL.createObjectURL(blob);
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    document.getElementById("done").textContent = data.done;
  });
})();
"""


def response_file_name(invitation: Invitation) -> str:
    """The name the page gives the response file it downloads."""
    return f"reciprocity-response-{invitation.id[:8]}.json"


def _attr(value: str | int) -> str:
    return escape(str(value), quote=True)


def _dimension(dimension: Dimension) -> list[str]:
    key = dimension.value
    lines = [
        f'<fieldset data-dimension="{key}">',
        f"<legend>{escape(messages.DIMENSION_NAMES[key])}</legend>",
        f"<p><strong>{escape(messages.DIMENSION_QUESTIONS[key])}</strong></p>",
        f'<p class="help">{escape(messages.DIMENSION_HELP[key])}</p>',
        f"<p>{escape(messages.ASK_SCORE)}</p>",
    ]
    for score in range(MIN_SCORE, MAX_SCORE + 1):
        lines.append(
            f'<label><input type="radio" name="{key}-score" value="{score}"> '
            f"{escape(messages.SCORE_LABELS[score])}</label>"
        )
    lines.append(f"<p>{escape(messages.ASK_LEAN)}</p>")
    lines.append(f'<p class="help">{escape(messages.LEAN_HELP[key])}</p>')
    for lean in Lean:
        lines.append(
            f'<label><input type="radio" name="{key}-lean" value="{lean.value}"> '
            f"{escape(messages.LEAN_CHOICES[lean])}</label>"
        )
    lines += [
        f'<label for="{key}-example">{escape(messages.ASK_EXAMPLE)}</label>',
        f'<textarea id="{key}-example" name="{key}-example"></textarea>',
        f'<label><input type="checkbox" name="{key}-none"> '
        f"{escape(messages.CHOICE_NO_RECENT_EXAMPLE)}</label>",
        "</fieldset>",
    ]
    return lines


def invitation_html(invitation: Invitation) -> str:
    """The invitation page for one invitation (nothing of the user's answers is in it)."""
    dimensions = "[" + ",".join(f'"{d.value}"' for d in Dimension) + "]"
    data: dict[str, str | int] = {
        "format": RESPONSE_FORMAT,
        "version": RESPONSE_VERSION,
        "invitation": invitation.id,
        "person": invitation.person_id,
        "code": invitation.code,
        "dimensions": dimensions,
        "file": response_file_name(invitation),
        "done": messages.INVITE_PAGE_DONE.format(file=response_file_name(invitation)),
        "need-score": messages.INVITE_PAGE_NEED_SCORE,
        "need-lean": messages.INVITE_PAGE_NEED_LEAN,
        "need-example": messages.INVITE_PAGE_NEED_EXAMPLE,
    }
    attributes = " ".join(f'data-{key}="{_attr(value)}"' for key, value in data.items())
    body = [
        f"<h1>{escape(messages.INVITE_PAGE_TITLE)}</h1>",
        f"<p>{escape(messages.INVITE_PAGE_INTRO)}</p>",
        f'<p class="help">{escape(messages.INVITE_PAGE_PRIVATE)}</p>',
        f'<form id="audit" {attributes}>',
    ]
    for dimension in Dimension:
        body += _dimension(dimension)
    body += [
        '<p id="problems" role="alert"></p>',
        f'<button type="submit">{escape(messages.INVITE_PAGE_BUTTON)}</button>',
        '<p id="done" role="status"></p>',
        "</form>",
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(messages.INVITE_PAGE_TITLE)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            f"<script>{_SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
