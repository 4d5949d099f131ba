"""The page script, in the app's own document, on every full run: `<html lang>`, Streamlit's own
labels in the page's language, and a polite live region. It also watches the card: after each move
to a new statement, that statement is scrolled to the top, given keyboard focus and announced. The
card sends no script of its own (it is sent again with every answer): its heading carries the
move's number, what to focus and what to announce (`question.card_top`), and the page script acts
once per move number it has not seen.

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
CARD_HEADING = "vk-statement"
STATEMENT = f"h3.{CARD_HEADING}"
RESULTS_BUTTON = ".st-key-to_results button"
PAGE_TITLE = "[data-testid='stMain'] h1"

STYLE = """<style>
.st-key-page_script {display: none;}
.vk-card-top p {margin: 0 0 0.25rem 0;}
.vk-progress {display: block; width: 100%; height: 0.5rem; margin: 0.25rem 0 0.5rem; border: none;
  border-radius: 0.5rem; background: #e6eaf1; appearance: none; -webkit-appearance: none;}
.vk-progress::-webkit-progress-bar {background: #e6eaf1; border-radius: 0.5rem;}
.vk-progress::-webkit-progress-value {background: #0b5cad; border-radius: 0.5rem;}
.vk-progress::-moz-progress-bar {background: #0b5cad; border-radius: 0.5rem;}
.vk-topic {color: #5f5e5c; font-size: 0.875rem;}
.vk-card-top [data-testid='stHeaderActionElements'] {display: none;}
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
    if (!heading) {
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
  window.vkMargin = p.margin;
  window.vkCard = card;
  if (!window.vkObserver) {
    window.vkObserver = new MutationObserver(function (records) {
      var translate = window.vkTranslate;
      records.forEach(function (r) {
        if (r.type === "attributes") { translate(r.target); } else { r.addedNodes.forEach(translate); }
      });
      window.vkCard();
    });
    window.vkObserver.observe(doc.body, {subtree: true, childList: true, attributes: true,
                                         attributeFilter: ["aria-label", "title", "placeholder", "data-vk-move"]});
  }
  window.vkTranslate = translate;
  vkPlace(p);
  card();

  function card() {  // once per move of the card: its heading says what to focus and announce
    var heading = Array.prototype.find.call(doc.querySelectorAll(p.card), function (el) {
      return !el.closest("[data-stale='true']");
    });
    var move = heading && heading.getAttribute("data-vk-move");
    if (!move || move === window.vkMoveDone) { return; }
    window.vkMoveDone = move;
    if (move === "0") { return; }
    vkPlace({focus: heading.getAttribute("data-vk-target"), announce: heading.getAttribute("data-vk-announce"),
             margin: window.vkMargin});
  }

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

def render_page_script(lang: str, embed: bool, *, moves: int = 0, target: str = PAGE_TITLE) -> None:
    """On every full run: set `<html lang>`, translate Streamlit's own labels, make the live region;
    with `moves`, scroll the first `target` to the top and focus it. Call it after the content it
    focuses."""
    payload = {**_page_payload(lang), **_focus_payload(embed, moves, target), "card": STATEMENT}
    with st.container(key="page_script"):
        st.html("<script>" + _PAGE_SCRIPT % (_PLACE, _json(payload)) + "</script>", unsafe_allow_javascript=True)


@functools.cache
def _page_payload(lang: str) -> dict[str, object]:
    """What the page script needs of a language: the same for every run in that language."""
    return {"lang": language(lang).html_lang, "skip": t("skip_link", lang), "progress": t("progress_label", lang),
            "chrome": [[t(key, lang), key == "chrome_remove", sorted({t(key, code) for code in CODES})]
                       for key in CHROME]}


def _focus_payload(embed: bool, moves: int, target: str) -> dict[str, object]:
    return {"focus": target if moves else "", "moves": moves, "announce": "", "margin": 8 if embed else 64}


def hide_script_boxes() -> None:
    """The script boxes take no room; headings focused by the script need no ring (they are not
    controls); captions get a darker grey for a contrast of at least 4.5:1 (Streamlit's is 3.9:1);
    the page menu wraps onto a second line on a phone instead of hiding its last page off the edge.
    A style-only `st.html` takes no room either."""
    st.html(STYLE)


def _json(payload: dict[str, object]) -> str:
    """JSON that cannot end the script element, whatever text a quiz file holds."""
    return json.dumps(payload).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
