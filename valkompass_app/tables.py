"""Tables as plain HTML: literal text only, wrapping at 390 px, no sideways scroll, no toolbar.

Columns are positions, not names, so any party id or name (even "Du" or two parties with the same
name) makes a valid table. Every cell is escaped with `html.escape`: quiz text stays text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

from quiz.languages import language

STYLE = """<style>
.vk-table { width: 100%; border-collapse: collapse; font-size: 0.9rem; margin: 0.25rem 0 1rem; }
.vk-table caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
.vk-table th, .vk-table td { border-bottom: 1px solid #d0d7de; padding: 0.3rem 0.4rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
.vk-table th { font-weight: 600; }
.vk-table .vk-num { text-align: right; }
.vk-table td.vk-num { white-space: nowrap; }
.vk-table .vk-sym { text-align: center; white-space: nowrap; }
.vk-table td.vk-sym { font-weight: 700; }
[data-testid="stElementToolbar"] { display: none; }
[data-testid="stCaptionContainer"], blockquote { opacity: 1 !important; color: #57606a !important; }
</style>"""


def render_style() -> None:
    """The table style, no chart toolbar (Streamlit's is English-only), and captions and quotes in
    #57606a at full opacity (6.4:1; Streamlit's 60 % opacity gives 3.9:1); once per page."""
    st.html(STYLE)


def html_table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
               kinds: Sequence[str] = (), lang: str = "sv") -> str:
    """A table with a caption and one header row; `kinds` per column: "text", "num" or "sym"."""
    classes = [{"num": ' class="vk-num"', "sym": ' class="vk-sym"'}.get(kind, "") for kind in kinds]
    classes += [""] * (len(headers) - len(classes))
    head = "".join(f'<th scope="col"{classes[i]}>{html.escape(h)}</th>' for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td{classes[i]}>{html.escape(cell)}</td>" for i, cell in enumerate(row))
                   + "</tr>" for row in rows)
    code = html.escape(language(lang).html_lang)  # "lattlast" is no BCP 47 tag: lättläst is Swedish
    return (f'<table class="vk-table" lang="{code}"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def render_table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                 kinds: Sequence[str] = (), lang: str = "sv") -> None:
    """Show `html_table`; `lang` lets the browser hyphenate long words the language's way."""
    st.html(html_table(caption, headers, rows, kinds, lang))
