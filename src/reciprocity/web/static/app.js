// reciprocity's own script: it only makes the pages friendlier while the person types.
// Every rule runs on the server; this file sends what is typed and shows what comes back.
// Without it every page still works: each step is saved when it is sent.
(function () {
  "use strict";

  var token = document.querySelector('meta[name="csrf-token"]');
  var csrf = token ? token.getAttribute("content") : "";

  function debounce(fn, wait) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, wait);
    };
  }

  function post(url, data) {
    data.set("csrf", csrf);
    return fetch(url, {
      method: "POST",
      body: new URLSearchParams(data),
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    });
  }

  function fill(list, lines) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
  }

  // What was just done (saved, imported) is said at the top of the page; moving focus
  // there has a screen reader read it, and the next Tab starts from it.
  var notice = document.getElementById("notice");
  if (notice) { notice.focus(); }

  // Keep what is typed in an audit step as a draft, a moment after each change.
  document.querySelectorAll("form[data-autosave]").forEach(function (form) {
    var save = debounce(function () {
      var data = new FormData(form);
      data.delete("keep_words");
      post(form.getAttribute("data-autosave"), data).catch(function () {});
    }, 600);
    form.addEventListener("input", save);
    form.addEventListener("change", save);
  });

  // The phrasing check while writing: the reframings appear under the text.
  document.querySelectorAll("textarea[data-phrasing]").forEach(function (area) {
    var box = document.querySelector('.phrasing-live[data-for="' + area.id + '"]');
    if (!box) { return; }
    var check = debounce(function () {
      var data = new URLSearchParams();
      data.set("text", area.value);
      post("/api/phrasing", data).then(function (response) {
        return response.ok ? response.json() : { findings: [] };
      }).then(function (result) {
        while (box.firstChild) { box.removeChild(box.firstChild); }
        if (!result.findings.length) { return; }
        var head = document.createElement("p");
        head.textContent = box.getAttribute("data-header");
        var list = document.createElement("ul");
        fill(list, result.findings.map(function (f) { return f.reframe; }));
        box.appendChild(head);
        box.appendChild(list);
      }).catch(function () {});
    }, 500);
    area.addEventListener("input", check);
  });

  // The overall rating the dimensions propose, updated as a score or lean is chosen.
  document.querySelectorAll("form[data-proposal]").forEach(function (form) {
    var step = form.getAttribute("data-proposal");
    var box = document.querySelector("[data-proposal-box]");
    if (!box) { return; }
    var update = debounce(function () {
      var data = new URLSearchParams();
      document.querySelectorAll('input[form="proposal-inputs"]').forEach(function (input) {
        data.set(input.name, input.value);
      });
      var score = form.querySelector('input[name="score"]:checked');
      var lean = form.querySelector('input[name="lean"]:checked');
      if (score) { data.set(step + "-score", score.value); }
      if (lean) { data.set(step + "-lean", lean.value); }
      post("/api/proposal", data).then(function (response) {
        return response.json();
      }).then(function (result) {
        var value = box.querySelector("[data-proposal-value]");
        var lines = box.querySelector("[data-proposal-lines]");
        if (value) {
          value.textContent = result.value === null
            ? value.getAttribute("data-none")
            : value.getAttribute("data-template").replace("{value}", result.value);
        }
        if (lines) { fill(lines, result.explanation); }
      }).catch(function () {});
    }, 200);
    form.addEventListener("change", function (event) {
      var name = event.target && event.target.name;
      if (name === "score" || name === "lean") { update(); }
    });
  });
})();
