"""One search result as the results page shows it: title, link, breadcrumb trail, excerpt."""

from dataclasses import dataclass, field

from django.utils.html import strip_tags
from wagtail.models import Page

from .query import excerpt, highlight, matches_text

HOME_DEPTH = 2  # each language's home page; the trail starts there


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


def trails_for(pages):
    """For each page's pk: its ancestors from the language's home page down, in one query."""
    paths_by_pk = {
        page.pk: [page.path[: Page.steplen * depth] for depth in range(HOME_DEPTH, page.depth)]
        for page in pages
    }
    wanted = {path for paths in paths_by_pk.values() for path in paths}
    ancestors = Page.objects.filter(path__in=wanted).only("title", "path", "depth", "locale_id")
    by_path = {ancestor.path: ancestor for ancestor in ancestors}
    return {
        pk: [by_path[path] for path in paths if path in by_path]
        for pk, paths in paths_by_pk.items()
    }


@dataclass
class SearchResult:
    page: object
    title: str
    url: str
    snippet: str
    trail: list = field(default_factory=list)

    @classmethod
    def for_page(cls, page, cleaned, language_code, request, trail=()):
        texts = [text for text in candidate_texts(page) if text]
        text = next(
            (t for t in texts if matches_text(t, cleaned, language_code)), texts[0] if texts else ""
        )
        return cls(
            page=page,
            title=highlight(page.title, cleaned, language_code),
            url=page.get_url(request=request),
            snippet=highlight(excerpt(text, cleaned, language_code), cleaned, language_code),
            trail=list(trail),
        )


def title_matches(page, cleaned, language_code):
    """How many of the query's words the page's title matches."""
    return sum(matches_text(page.title, word, language_code) for word in cleaned.split())
