"""A small script in the app's own document: `<html lang>`, a polite live region, and after each
move to a new statement, that statement scrolled to the top and given keyboard focus.

`st.html(..., unsafe_allow_javascript=True)` runs in the app's document (not in a sandboxed frame),
so it works the same when the app itself sits in a cross-origin iframe. Streamlit runs the script
again only when its text changes, so `moves` (a counter bumped on every move) is part of it. The
script gets only our own strings, as JSON.
"""

from __future__ import annotations

import json

import streamlit as st

from valkompass_app.strings import t

STATEMENT_KEY = "statement_text"
STATEMENT = f".st-key-{STATEMENT_KEY} h3"
PAGE_TITLE = "[data-testid='stMain'] h1"

_SCRIPT = """
(function (p) {
  var doc = document;
  doc.documentElement.lang = p.lang;
  var live = doc.getElementById("vk-live");
  if (!live) {
    live = doc.createElement("div");
    live.id = "vk-live";
    live.setAttribute("aria-live", "polite");
    live.setAttribute("role", "status");
    live.style.cssText = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
      + "white-space:nowrap;margin:-1px;padding:0;border:0";
    doc.body.appendChild(live);
  }
  var skip = doc.querySelector("a[href='#main'], a[data-testid='stSkipLink']");
  if (skip) { skip.textContent = p.skip; }
  doc.querySelectorAll("[role='progressbar']").forEach(function (bar) {
    bar.setAttribute("aria-label", p.progress);
  });
  if (!p.focus) { return; }
  var tries = 0;
  function place() {
    var heading = Array.prototype.find.call(doc.querySelectorAll(p.focus), function (el) {
      return !el.closest("[data-stale='true']");
    });
    if (!heading || heading.textContent.replace(/\u2060/g, "").indexOf(p.expect) < 0) {
      if (tries++ < 40) { setTimeout(place, 25); }
      return;
    }
    heading.setAttribute("tabindex", "-1");
    heading.style.scrollMarginTop = p.margin + "px";
    heading.scrollIntoView({block: "start"});
    heading.focus({preventScroll: true});
    live.textContent = p.announce;
  }
  requestAnimationFrame(place);
})(%s);
"""


def render_page_script(lang: str, embed: bool, *, moves: int = 0, target: str = STATEMENT, announce: str = "",
                       expect: str = "", key: str = "page_script") -> None:
    """Set `<html lang>`; with `moves`, scroll the first `target` to the top, focus it and announce
    `announce`. Call it after the content it focuses."""
    payload = {"lang": lang, "skip": t("skip_link", lang), "progress": t("progress_label", lang),
               "focus": target if moves else "", "moves": moves, "announce": announce,
               "expect": (expect.strip().splitlines() or [""])[0][:20], "margin": 8 if embed else 64}
    with st.container(key=key):
        st.html("<script>" + _SCRIPT % _json(payload) + "</script>", unsafe_allow_javascript=True)


def hide_script_boxes() -> None:
    """The script boxes take no room on the page (a style-only `st.html` takes none either)."""
    st.html("<style>.st-key-page_script, .st-key-focus_script {display: none;}"
            " h1[tabindex='-1']:focus, h3[tabindex='-1']:focus {outline: none;}</style>")


def _json(payload: dict[str, object]) -> str:
    """JSON that cannot end the script element, whatever text a quiz file holds."""
    return json.dumps(payload).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
