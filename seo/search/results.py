"""One search result as the results page shows it: title, link, highlighted excerpt."""

from dataclasses import dataclass

from django.utils.html import strip_tags

from .query import excerpt, highlight, matches_text


def _body_text(page):
    """The body's words as the search index sees them (no rendering, no markup)."""
    body = getattr(page, "body", None)
    if not body:
        return ""
    return " ".join(strip_tags(text) for text in body.stream_block.get_searchable_content(body))


def candidate_texts(page):
    """Texts that describe the page, best first; the body only if nothing shorter matches."""
    yield page.search_description
    yield getattr(page, "introduction", "")
    yield getattr(page, "summary", "")
    yield getattr(page, "full_name", "")
    yield _body_text(page)


@dataclass
class SearchResult:
    page: object
    title: str
    url: str
    snippet: str

    @classmethod
    def for_page(cls, page, cleaned, request):
        texts = [text for text in candidate_texts(page) if text]
        text = next((t for t in texts if matches_text(t, cleaned)), texts[0] if texts else "")
        return cls(
            page=page,
            title=highlight(page.title, cleaned),
            url=page.get_url(request=request),
            snippet=highlight(excerpt(text, cleaned), cleaned),
        )
