"""The one sanitiser for HTML that people write outside Wagtail's own rich text editor.

Reflection answers, logbook narratives and anything else a trainee or host mentor types pass
through here before they are stored, so a template may mark the stored value safe. Only simple
formatting survives; links, images, styles and scripts are removed.
"""

import html
import re

import bleach

ALLOWED_TAGS = frozenset({"p", "br", "strong", "b", "em", "i", "ul", "ol", "li"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def clean_user_html(markup: str) -> str:
    """Keep simple formatting, drop every other tag and attribute, escape the rest."""
    return bleach.clean(markup, tags=ALLOWED_TAGS, attributes={}, protocols=[], strip=True).strip()


def plain_text_to_html(text: str) -> str:
    """Typed text (paragraphs separated by blank lines) as sanitised paragraphs."""
    paragraphs = [part.strip() for part in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")) if part.strip()]
    escaped = (html.escape(part).replace("\n", "<br>") for part in paragraphs)
    return clean_user_html("".join(f"<p>{part}</p>" for part in escaped))


def html_to_plain_text(markup: str) -> str:
    """The reverse of `plain_text_to_html`, to put a saved answer back into a text box."""
    text = markup.replace("</p>", "\n\n").replace("<br>", "\n")
    return html.unescape(bleach.clean(text, tags=set(), strip=True)).strip()
