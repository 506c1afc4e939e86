"""Wagtail checks every page view against PageViewRestriction: two queries per request (the
page's ancestors, then their restrictions), although a public site usually has none at all."""

from wagtail.models import PageViewRestriction

from .page_cache import cached_until_publish


class CachedViewRestrictionsMixin:
    """Skips those queries while no page has a view restriction. Saving or deleting any
    restriction retires the cached answer (and every cached page) at once."""

    def get_view_restrictions(self):
        if not cached_until_publish("view-restrictions:any", PageViewRestriction.objects.exists):
            none = PageViewRestriction.objects.none()
            # Already evaluated: Wagtail's check iterates it on every page view, and even an
            # empty queryset compiles its SQL before finding that it has nothing to ask.
            none._result_cache = []
            return none
        return super().get_view_restrictions()
