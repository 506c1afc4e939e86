"""An English page's slug comes from its English title, once.

wagtail-localize treats the slug as one more string: left untranslated, the English page
takes the Turkish slug, and a slug typed with Turkish letters goes through Django's slugify,
which drops the dotless ı ("ağı" -> "ag"). So, just before a translation is published from the
translation editor, its slug string is settled:

- untranslated, on the first publish: the ASCII slug of the English title
  ("International Network" -> international-network);
- untranslated on a page that has been live (the Turkish slug changed): the English page's
  current slug, because existing slugs never change;
- translated: the same value as an ASCII slug with Turkish transliteration.

The translator sees the result in the editor and can still change it there.
"""

from wagtail_localize.models import StringSegment, StringTranslation

from core.slugs import ascii_slug


def settle_slug_string(page, translation, user):
    segments = StringSegment.objects.filter(source_id=translation.source_id).select_related(
        "context"
    )
    slug_segment = segments.filter(context__path="slug").first()
    if slug_segment is None:
        return
    locale = translation.target_locale
    existing = StringTranslation.objects.filter(
        translation_of_id=slug_segment.string_id, locale=locale, context_id=slug_segment.context_id
    ).first()
    if existing is not None:
        value = ascii_slug(existing.data)
        if value and value != existing.data:
            existing.data = value
            existing.save(update_fields=["data", "updated_at"])
        return
    if page.first_published_at is not None:
        value = page.slug
    else:
        title_segment = segments.filter(context__path="title").first()
        title = (
            StringTranslation.objects.filter(
                translation_of_id=title_segment.string_id,
                locale=locale,
                context_id=title_segment.context_id,
                has_error=False,
            ).first()
            if title_segment is not None
            else None
        )
        value = ascii_slug(title.data) if title is not None else ""
    if value:
        StringTranslation.objects.create(
            translation_of_id=slug_segment.string_id,
            locale=locale,
            context_id=slug_segment.context_id,
            data=value,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            last_translated_by=user,
        )
