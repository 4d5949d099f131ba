"""Small scripts in the app's own document. The page script, on every full run: `<html lang>`,
Streamlit's own labels in the page's language, and a polite live region. The card's focus script,
after each move to a new statement: that statement scrolled to the top, given keyboard focus and
announced. The card's script is sent with every answer, so it carries only what a move needs.

`st.html(..., unsafe_allow_javascript=True)` runs in the app's document (not in a sandboxed frame),
so it works the same when the app itself sits in a cross-origin iframe. Streamlit runs the script
again only when its text changes, so `moves` (a counter bumped on every move) is part of it. The
script gets only our own strings, as JSON.
"""

from __future__ import annotations

import functools
import json

import streamlit as st

from quiz.languages import CODES, language
from valkompass_app.strings import N_, t

CHROME = (
    N_("chrome_open"), N_("chrome_clear_all"), N_("chrome_selected"), N_("chrome_increment"), N_("chrome_decrement"),
    N_("chrome_copy"), N_("chrome_heading_link"), N_("chrome_show_data"), N_("chrome_fullscreen"),
    N_("chrome_close_fullscreen"), N_("chrome_download_csv"), N_("chrome_search"), N_("chrome_columns"),
    N_("chrome_download_png"), N_("chrome_download_svg"), N_("chrome_view_source"), N_("chrome_vega_spec"),
    N_("chrome_iframe"), N_("chrome_remove"), N_("chrome_choose"),
)
"""Streamlit's own labels (English `aria-label`, `title`, `placeholder`), translated in the browser.
Their English text is Streamlit's; the script maps any language's label to the page language's, so
a switch from one language to another works too."""
STATEMENT_KEY = "statement_text"
STATEMENT = f".st-key-{STATEMENT_KEY} h3"
PAGE_TITLE = "[data-testid='stMain'] h1"

STYLE = """<style>
.st-key-page_script, .st-key-focus_script {display: none;}
h1[tabindex='-1']:focus, h3[tabindex='-1']:focus {outline: none;}
[data-testid='stCaptionContainer'] {color: #5f5e5c; opacity: 1;}
.st-key-nav [data-testid='stButtonGroup'] > div {flex-wrap: wrap; overflow-x: visible;}
</style>"""

_PLACE = """
function vkPlace(p) {
  var doc = document;
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
  if (!p.focus) { return; }
  var tries = 0;
  function place() {
    var heading = Array.prototype.find.call(doc.querySelectorAll(p.focus), function (el) {
      return !el.closest("[data-stale='true']");
    });
    if (!heading || heading.textContent.replace(/\\u2060/g, "").indexOf(p.expect) < 0) {
      if (tries++ < 40) { setTimeout(place, 25); }
      return;
    }
    if (!heading.matches("button, a, input, select, textarea")) { heading.setAttribute("tabindex", "-1"); }
    heading.style.scrollMarginTop = p.margin + "px";
    heading.scrollIntoView({block: "start"});
    heading.focus({preventScroll: true});
    live.textContent = p.announce;
  }
  requestAnimationFrame(place);
}
"""

_PAGE_SCRIPT = """
(function (p) {
  var doc = document;
  doc.documentElement.lang = p.lang;
  var skip = doc.querySelector("a[data-testid='stSkipToContent']");
  if (skip) { skip.textContent = p.skip; }
  window.vkChrome = {pairs: p.chrome, progress: p.progress};
  translate(doc.body);
  if (!window.vkObserver) {
    window.vkObserver = new MutationObserver(function (records) {
      records.forEach(function (r) {
        if (r.type === "attributes") { translate(r.target); } else { r.addedNodes.forEach(translate); }
      });
    });
    window.vkObserver.observe(doc.body, {subtree: true, childList: true, attributes: true,
                                         attributeFilter: ["aria-label", "title", "placeholder"]});
  }
  vkPlace(p);

  function translate(root) {
    if (!root || !root.querySelectorAll) { return; }
    var c = window.vkChrome;
    var nodes = Array.prototype.slice.call(root.querySelectorAll("[aria-label], [title], [placeholder]"));
    if (root.hasAttribute) { nodes.push(root); }
    nodes.forEach(function (el) {
      ["aria-label", "title", "placeholder"].forEach(function (name) {
        var value = el.getAttribute(name);
        if (value === null) { return; }
        var better = value === "progress" ? c.progress : value;
        c.pairs.forEach(function (pair) {  // [the label in this language, a prefix?, [every language's label]]
          pair[2].forEach(function (known) {
            if (value === known) { better = pair[0]; }
            else if (pair[1] && value.indexOf(known + " ") === 0) { better = pair[0] + value.slice(known.length); }
          });
        });
        if (better !== value) { el.setAttribute(name, better); }
      });
    });
  }
  %s
})(%s);
"""

_FOCUS_SCRIPT = """
(function (p) {
  %s
  vkPlace(p);
})(%s);
"""


def render_page_script(lang: str, embed: bool, *, moves: int = 0, target: str = PAGE_TITLE) -> None:
    """On every full run: set `<html lang>`, translate Streamlit's own labels, make the live region;
    with `moves`, scroll the first `target` to the top and focus it. Call it after the content it
    focuses."""
    payload = {**_page_payload(lang), **_focus_payload(embed, moves, target, "", "")}
    with st.container(key="page_script"):
        st.html("<script>" + _PAGE_SCRIPT % (_PLACE, _json(payload)) + "</script>", unsafe_allow_javascript=True)


def render_focus_script(embed: bool, *, moves: int, target: str = STATEMENT, announce: str = "",
                        expect: str = "") -> None:
    """The card's own script, small since it is sent with every answer: after a move, scroll the
    first `target` (the statement) to the top, focus it and announce `announce` in the live
    region. The page script of the last full run has set the language and the labels."""
    payload = _focus_payload(embed, moves, target, announce, expect)
    with st.container(key="focus_script"):
        st.html("<script>" + _FOCUS_SCRIPT % (_PLACE, _json(payload)) + "</script>", unsafe_allow_javascript=True)


@functools.cache
def _page_payload(lang: str) -> dict[str, object]:
    """What the page script needs of a language: the same for every run in that language."""
    return {"lang": language(lang).html_lang, "skip": t("skip_link", lang), "progress": t("progress_label", lang),
            "chrome": [[t(key, lang), key == "chrome_remove", sorted({t(key, code) for code in CODES})]
                       for key in CHROME]}


def _focus_payload(embed: bool, moves: int, target: str, announce: str, expect: str) -> dict[str, object]:
    return {"focus": target if moves else "", "moves": moves, "announce": announce,
            "expect": (expect.strip().splitlines() or [""])[0][:20], "margin": 8 if embed else 64}


def hide_script_boxes() -> None:
    """The script boxes take no room; headings focused by the script need no ring (they are not
    controls); captions get a darker grey for a contrast of at least 4.5:1 (Streamlit's is 3.9:1);
    the page menu wraps onto a second line on a phone instead of hiding its last page off the edge.
    A style-only `st.html` takes no room either."""
    st.html(STYLE)


def _json(payload: dict[str, object]) -> str:
    """JSON that cannot end the script element, whatever text a quiz file holds."""
    return json.dumps(payload).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
