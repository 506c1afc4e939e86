"""Scale data for `make bench --scale`: many networks with their English translations, and many
inquiries, loaded into the CURRENT database (a throwaway seeded one, never production).

    from bench.scale_data import load
    load(networks=1000, inquiries=100_000, stdout=sys.stdout)  # -> {"networks": …, …}

or, without manage.py (DJANGO_SETTINGS_MODULE and DATABASE_URL as for the site):

    python bench/scale_data.py --networks 1000 --inquiries 100000

What it writes is what the site writes when editors add networks and visitors write in:

- each network is a live Turkish `NetworkPage` under the Turkish directory, with a published
  revision, and its English translation made the wagtail-localize way: a TranslationSource
  with its strings, contexts and segments (extracted by wagtail-localize's `extract_segments`),
  a Translation into English, a StringTranslation for each string, a TranslationLog, and the
  live English page under the English directory, with the same slug, whose fields
  wagtail-localize's own `ingest_segments` writes from the translated segments (as
  `Translation.save_target` does). The parity report finds every one in step;
- each network's contact-form topic, Turkish and English (as publishing the pages creates them);
- both languages' pages in the search index (the backend's bulk add, as `update_index` does);
- inquiries as the contact form stores them over the last two years: the answers under the
  form's field names, the topic's translation key and label, the notice version and consent,
  `search_text` folded by the model's own function, states, and the notification and (mostly)
  the confirmation e-mail, sent.

Where it takes a bulk path instead of the admin's one page at a time (that path costs about
0.3 s a network with 8 networks, and grows), and why what the bench measures is the same:

- Pages are inserted with their tree paths, URL paths and revisions computed here (treebeard's
  materialised path, four base-36 characters a level) instead of `add_child` and
  `save_revision().publish()`; the tree passes `Page.find_problems()`. Not written: the
  admin's log entries (Reports → Site history, which no bench page reads) and reference index
  rows, of which these pages have none (no links, no images). No page_published signal is sent;
  the caches are retired once at the end (the site version), as a publish would.
- Translation sources are written in bulk statements instead of one get_or_create per segment
  (about 40 round trips a page): `tests/test_scale_data.py` re-extracts them with
  wagtail-localize's own `refresh_segments` and finds every row already there.
- The English topic is a translated copy (same translation key) without a TranslationSource of
  its own: the form reads the topic rows, never the source.
- Inquiries and e-mails are INSERTed with executemany and explicit ids (PostgreSQL's sequences
  are moved past them), the values converted by each model field as bulk_create would: a model
  instance per row would cost most of the load. The e-mail bodies are short (they are not
  rendered from the templates).

About 70 s of CPU for the defaults (1,000 networks, 100,000 inquiries) on SQLite.
"""

import argparse
import hashlib
import json
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder

NETWORK_BATCH = 250
INQUIRY_BATCH = 5_000

# (Turkish, English) name parts: a network's name is region + kind.
REGIONS = [
    ("Avrupa", "European"),
    ("Akdeniz", "Mediterranean"),
    ("Balkan", "Balkan"),
    ("Karadeniz", "Black Sea"),
    ("Asya-Pasifik", "Asia-Pacific"),
    ("Küresel", "Global"),
    ("Doğu Akdeniz", "Eastern Mediterranean"),
    ("Orta Asya", "Central Asian"),
    ("Avrasya", "Eurasian"),
    ("Kuzey Afrika", "North African"),
    ("Orta Doğu", "Middle East"),
    ("Baltık", "Baltic"),
]
KINDS = [
    ("Kentler Ağı", "Cities Network", "CN"),
    ("Belediyeler Birliği", "Union of Municipalities", "UM"),
    ("Yerel Yönetimler Platformu", "Local Governments Platform", "LGP"),
    ("Sürdürülebilir Şehirler Ağı", "Sustainable Cities Network", "SCN"),
    ("İklim Dostu Kentler Birliği", "Climate-Friendly Cities Alliance", "CFCA"),
    ("Su ve Sanitasyon Ortaklığı", "Water and Sanitation Partnership", "WSP"),
    ("Kültür Kentleri Ağı", "Cultural Cities Network", "CCN"),
    ("Akıllı Şehirler Forumu", "Smart Cities Forum", "SCF"),
    ("Liman Kentleri Birliği", "Port Cities Association", "PCA"),
    ("Tarihi Kentler Birliği", "Historic Towns Association", "HTA"),
    ("Afet Dirençli Kentler Ağı", "Disaster-Resilient Cities Network", "DRCN"),
    ("Göç ve Kent Platformu", "Migration and Cities Platform", "MCP"),
]
REGION_INITIALS = ["E", "M", "B", "BS", "AP", "G", "EM", "CA", "EA", "NA", "ME", "BA"]
# (city tr, city en, country tr, country en)
CITIES = [
    ("Brüksel", "Brussels", "Belçika", "Belgium"),
    ("Barselona", "Barcelona", "İspanya", "Spain"),
    ("Strazburg", "Strasbourg", "Fransa", "France"),
    ("Bonn", "Bonn", "Almanya", "Germany"),
    ("Viyana", "Vienna", "Avusturya", "Austria"),
    ("Lahey", "The Hague", "Hollanda", "Netherlands"),
    ("Cenevre", "Geneva", "İsviçre", "Switzerland"),
    ("Atina", "Athens", "Yunanistan", "Greece"),
    ("Üsküp", "Skopje", "Kuzey Makedonya", "North Macedonia"),
    ("Belgrad", "Belgrade", "Sırbistan", "Serbia"),
    ("Tiflis", "Tbilisi", "Gürcistan", "Georgia"),
    ("Bakü", "Baku", "Azerbaycan", "Azerbaijan"),
    ("Almatı", "Almaty", "Kazakistan", "Kazakhstan"),
    ("Tunus", "Tunis", "Tunus", "Tunisia"),
    ("Amman", "Amman", "Ürdün", "Jordan"),
    ("İstanbul", "Istanbul", "Türkiye", "Türkiye"),
    ("Kopenhag", "Copenhagen", "Danimarka", "Denmark"),
    ("Riga", "Riga", "Letonya", "Latvia"),
]
STATUSES = [("tam üye", "full member"), ("kurucu üye", "founding member")]

FIRST_NAMES = [
    "Ayşe", "Mehmet", "Fatma", "Mustafa", "Emine", "Ahmet", "Hatice", "Ali", "Zeynep",
    "Hüseyin", "Elif", "İbrahim", "Şule", "Çağrı", "Özge", "Gökhan", "Ülkü", "İrem",
    "Anna", "Marco", "Sophie", "Jonas",
]  # fmt: skip
LAST_NAMES = [
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kurt", "Koç", "Işık",
    "Rossi", "Müller", "Dubois",
]  # fmt: skip
ORGANISATIONS = [
    "İstanbul Büyükşehir Belediyesi", "Kocaeli Büyükşehir Belediyesi", "Bursa Büyükşehir "
    "Belediyesi", "Tekirdağ Büyükşehir Belediyesi", "Sakarya Büyükşehir Belediyesi",
    "Yalova Belediyesi", "Çanakkale Belediyesi", "Marmara Üniversitesi", "UCLG-MEWA",
    "Kadıköy Belediyesi", "Nilüfer Belediyesi", "", "",
]  # fmt: skip
MESSAGES_TR = [
    "Merhaba, {topic} hakkında bilgi almak istiyorum. Belediyemiz bu alanda bir proje "
    "hazırlıyor; ortaklık imkânları ve başvuru takvimi hakkında bilgi verebilir misiniz?",
    "İyi günler. Geçen ay düzenlenen çalıştayın sunumlarına nasıl ulaşabiliriz? Ayrıca "
    "{topic} kapsamındaki bir sonraki eğitimin tarihini öğrenmek isteriz.",
    "Kurumumuz adına {topic} ile ilgili bir iş birliği önerisi sunmak istiyoruz. Uygun bir "
    "görüşme zamanı için dönüşünüzü rica ederim. Saygılarımla.",
    "Öğrenci olarak yerel diplomasi üzerine tez hazırlıyorum; MBB’nin uluslararası üyelikleri "
    "ve {topic} hakkında kaynak önerebilir misiniz?",
]
MESSAGES_EN = [
    "Hello, we would like to learn more about {topic}. Our city is preparing a project in this "
    "field; could you tell us about partnership opportunities and the application timeline?",
    "Good afternoon. How can we obtain the presentations from last month's workshop? We would "
    "also like to know the date of the next training on {topic}.",
    "On behalf of our organisation we would like to propose a cooperation on {topic}. Please "
    "let me know a suitable time for a call. Kind regards.",
]


def _base36(number, width):
    from wagtail.models import Page

    digits = []
    for _ in range(width):
        number, digit = divmod(number, len(Page.alphabet))
        digits.append(Page.alphabet[digit])
    if number:
        raise ValueError("too many children for treebeard's path width")
    return "".join(reversed(digits))


class _Children:
    """Paths for new children of `parent`, after its existing last child (treebeard's MP)."""

    def __init__(self, parent):
        from wagtail.models import Page

        self.parent = parent
        last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
        self.next = int(last[-Page.steplen :], 36) + 1 if last else 1
        self.added = 0

    def path(self):
        from wagtail.models import Page

        path = self.parent.path + _base36(self.next, Page.steplen)
        self.next += 1
        self.added += 1
        return path


def _network_spec(number, rng):
    """Turkish and English field values for the network numbered `number`."""
    region = rng.randrange(len(REGIONS))
    kind = rng.randrange(len(KINDS))
    region_tr, region_en = REGIONS[region]
    kind_tr, kind_en, kind_initials = KINDS[kind]
    short_name = f"{REGION_INITIALS[region]}{kind_initials}-{number:04d}"
    city_tr, city_en, country_tr, country_en = rng.choice(CITIES)
    joined = rng.randint(1990, 2026)
    founded = rng.randint(1913, joined)
    status_tr, status_en = rng.choice(STATUSES)
    slug = short_name.lower()
    members = rng.choice([None, rng.randint(12, 4_000)])
    tr_full = f"{region_tr} {kind_tr} {number}"
    en_full = f"{region_en} {kind_en} {number}"
    website = f"https://www.{slug}.org/"
    paragraph_tr = (
        f"MBB, {joined} yılında {tr_full} ({short_name}) üyesi olmuştur. {founded} yılında "
        f"kurulan ve merkezi {city_tr}’da bulunan ağ, üye kentler arasında bilgi ve tecrübe "
        "paylaşımını yaygınlaştırmayı ve ortak sorunlara çözüm geliştirmeyi amaçlamaktadır."
    )
    paragraph_en = (
        f"MMU joined the {en_full} ({short_name}) in {joined}. Founded in {founded} and based "
        f"in {city_en}, the network spreads knowledge and experience among its member cities "
        "and develops solutions to shared problems."
    )
    projects_tr = (
        f"{short_name}, çalışma grupları ve ortak projeler aracılığıyla yerel yönetimlerin "
        "sesini uluslararası kuruluşlar nezdinde duyurmaktadır."
    )
    projects_en = (
        f"Through working groups and joint projects, {short_name} makes local governments "
        "heard by international organisations."
    )
    intro_tr = f"{founded}’de kurulan {short_name}, {kind_tr.lower()} olarak kentleri buluşturur."
    intro_en = f"Founded in {founded}, {short_name} brings cities together as a {kind_en.lower()}."
    tr = {
        "title": f"{tr_full} ({short_name})",
        "slug": slug,
        "short_name": short_name,
        "full_name": tr_full,
        "joined_year": joined,
        "founded_year": founded,
        "founded_place": f"{city_tr}, {country_tr}",
        "headquarters_city": city_tr,
        "headquarters_country": country_tr,
        "membership_status": status_tr,
        "member_count": members,
        "country_count": rng.choice([None, rng.randint(3, 120)]),
        "population": rng.choice([None, rng.randint(1, 400) * 1_000_000]),
        "website": website,
        "introduction": intro_tr,
        "body": [("paragraph", f"<p>{paragraph_tr}</p>"), ("paragraph", f"<p>{projects_tr}</p>")],
    }
    # Turkish string -> English, for every string wagtail-localize extracts from the page.
    english = {
        tr["title"]: f"{en_full} ({short_name})",
        slug: slug,  # the English pages keep the Turkish slugs
        tr_full: en_full,
        website: f"{website}en/",
        intro_tr: intro_en,
        paragraph_tr: paragraph_en,
        projects_tr: projects_en,
        f"{city_tr}, {country_tr}": f"{city_en}, {country_en}",
        city_tr: city_en,
        country_tr: country_en,
        status_tr: status_en,
    }
    return tr, english


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message + "\n")
        stdout.flush()


def _insert_pages(pages):
    """Insert specific pages whose tree fields are set: the base rows in one bulk_create, then
    each page type's own row (bulk_create refuses multi-table models; a raw save writes only
    the model's own table, as loading a fixture does)."""
    from wagtail.models import Page

    from networks.collation import collation_string

    for page in pages:
        page.id = None
        if hasattr(page, "name_sort_key"):
            # What NetworkPage.save() stores, which a raw save skips: the directory's A-to-Z key.
            page.name_sort_key = collation_string(page.full_name, page.locale.language_code)
    Page.objects.bulk_create(pages, batch_size=NETWORK_BATCH)
    for page in pages:
        page.page_ptr_id = page.id
        page.save_base(raw=True, force_insert=True)


def _publish_revisions(pages, now):
    """A first revision for each page, recorded as its latest and live one (what
    save_revision().publish() leaves)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, Revision

    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=base_type,
            object_id=str(page.pk),
            created_at=now,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=NETWORK_BATCH)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=NETWORK_BATCH)
    return revisions


def _new_page(model, parent, children, locale, fields, now, translation_key=None):
    page = model(
        locale=locale,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        latest_revision_created_at=now,
        **fields,
    )
    if translation_key is not None:
        page.translation_key = translation_key
    page.draft_title = page.title
    page.depth = parent.depth + 1
    page.path = children.path()
    page.url_path = f"{parent.url_path}{page.slug}/"
    page.numchild = 0
    return page


def _english_page(source_page, segments, english, parent, children, locale, now):
    """The English page as wagtail-localize writes it from the translated segments: a copy of
    the Turkish page (its synchronised fields included) into which its own `ingest_segments`
    writes the page's segments (`segments`, extracted from the Turkish page), each string
    replaced by its translation (`english`: Turkish text -> StringValue)."""
    from wagtail.fields import StreamField
    from wagtail_localize.fields import copy_synchronised_fields
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.ingest import ingest_segments

    model = type(source_page)
    own = {
        field.attname: getattr(source_page, field.attname)
        for field in model._meta.local_concrete_fields
        if not field.primary_key
    }
    page = _new_page(
        model, parent, children, locale, {"title": source_page.title, "slug": source_page.slug},
        now, translation_key=source_page.translation_key,
    )  # fmt: skip
    for name, value in own.items():
        field = model._meta.get_field(name)
        if isinstance(field, StreamField):  # a copy: ingesting rewrites its blocks in place
            value = field.to_python(field.get_prep_value(value))
        setattr(page, name, value)
    copy_synchronised_fields(source_page, page)
    translated = [
        StringSegmentValue(value.path, english[value.string.data], value.attrs).with_order(
            value.order
        )
        if isinstance(value, StringSegmentValue)
        else value  # the rich text's templates and the overridden values as they are
        for value in segments
    ]
    ingest_segments(source_page, page, source_page.locale, locale, translated)
    page.draft_title = page.title
    page.url_path = f"{parent.url_path}{page.slug}/"
    return page


def _translation_sources(pages):
    """A TranslationSource for each page with its segments, in a few bulk statements: what
    `TranslationSource.get_or_create_from_instance` and its `refresh_segments` write one
    get_or_create at a time (about 40 round trips a page). The segments are wagtail-localize's
    own `extract_segments`, the hashes its own functions, the rows the same."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail_localize.models import (
        OverridableSegment,
        String,
        StringSegment,
        Template,
        TemplateSegment,
        TranslatableObject,
        TranslationContext,
        TranslationSource,
        get_schema_version,
    )
    from wagtail_localize.segments import (
        OverridableSegmentValue,
        StringSegmentValue,
        TemplateSegmentValue,
    )
    from wagtail_localize.segments.extract import extract_segments

    content_type = ContentType.objects.get_for_model
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(
                translation_key=page.translation_key,
                content_type=content_type(page.get_translation_model()),
            )
            for page in pages
        ],
        ignore_conflicts=True,
    )
    now = timezone.now()
    sources = [
        TranslationSource(
            object_id=page.translation_key,
            specific_content_type=content_type(type(page)),
            locale=page.locale,
            object_repr=str(page)[:200],
            content_json=page.to_json(),
            schema_version=get_schema_version(page._meta.app_label),
            last_updated_at=now,
        )
        for page in pages
    ]
    TranslationSource.objects.bulk_create(sources)
    if sources[0].pk is None:
        ids = dict(
            TranslationSource.objects.filter(
                object_id__in=[page.translation_key for page in pages]
            ).values_list("object_id", "pk")
        )
        for source in sources:
            source.pk = ids[source.object_id]

    values = [
        (source, page, list(extract_segments(page)))
        for source, page in zip(sources, pages, strict=True)
    ]
    strings, templates, contexts = {}, {}, {}
    for source, page, segments in values:
        for value in segments:
            if not isinstance(
                value, StringSegmentValue | TemplateSegmentValue | OverridableSegmentValue
            ):
                raise NotImplementedError(f"no bulk path for {type(value).__name__}")
            if (source.object_id, value.path) not in contexts:
                context = TranslationContext(object_id=source.object_id, path=value.path)
                context.path_id = TranslationContext._get_path_id(value.path)
                context.save = lambda *args, **kwargs: None  # get_field_path saves what it finds
                context.get_field_path(page)
                del context.save
                contexts[source.object_id, value.path] = context
            if isinstance(value, StringSegmentValue):
                strings[String._get_data_hash(value.string.data)] = value.string.data
            elif isinstance(value, TemplateSegmentValue):
                namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
                templates[uuid.uuid5(namespace, value.template)] = value

    locale = pages[0].locale
    String.objects.bulk_create(
        [String(locale=locale, data_hash=key, data=data) for key, data in strings.items()],
        ignore_conflicts=True,
        batch_size=500,
    )
    Template.objects.bulk_create(
        [
            Template(
                uuid=key,
                template=value.template,
                template_format=value.format,
                string_count=value.string_count,
            )
            for key, value in templates.items()
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    TranslationContext.objects.bulk_create(contexts.values(), ignore_conflicts=True, batch_size=500)
    string_ids = _ids(String.objects.filter(locale=locale), "data_hash", strings)
    template_ids = _ids(Template.objects, "uuid", templates)
    context_ids = {
        (object_id, path): pk
        for object_id, path, pk in TranslationContext.objects.filter(
            object_id__in=[source.object_id for source in sources]
        ).values_list("object_id", "path", "pk")
    }

    rows = {StringSegment: [], TemplateSegment: [], OverridableSegment: []}
    for source, _page, segments in values:
        for value in segments:
            common = {
                "source": source,
                "context_id": context_ids[source.object_id, value.path],
                "order": value.order,
            }
            if isinstance(value, StringSegmentValue):
                rows[StringSegment].append(
                    StringSegment(
                        string_id=string_ids[String._get_data_hash(value.string.data)],
                        attrs=json.dumps(value.attrs, cls=DjangoJSONEncoder),
                        **common,
                    )
                )
            elif isinstance(value, TemplateSegmentValue):
                namespace = uuid.uuid5(Template.BASE_UUID_NAMESPACE, value.format)
                template_id = template_ids[uuid.uuid5(namespace, value.template)]
                rows[TemplateSegment].append(TemplateSegment(template_id=template_id, **common))
            else:
                data = json.dumps(value.data, cls=DjangoJSONEncoder)
                rows[OverridableSegment].append(OverridableSegment(data_json=data, **common))
    for model, objects in rows.items():
        model.objects.bulk_create(objects, batch_size=500)
    return sources, [segments for _source, _page, segments in values]


def _ids(queryset, field, keys):
    """{key: pk} for the rows whose `field` is one of `keys`, a few hundred at a time."""
    keys = list(keys)
    found = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        found.update(queryset.filter(**{f"{field}__in": chunk}).values_list(field, "pk"))
    return found


def _string_translations(sources, english_by_source, locale):
    """A StringTranslation for each string segment of each source (what translators write)."""
    from wagtail_localize.models import StringSegment, StringTranslation

    rows = []
    for segment in StringSegment.objects.filter(source__in=sources).select_related(
        "string", "context"
    ):
        text = english_by_source[segment.source_id][segment.string.data]
        rows.append(
            StringTranslation(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=text.data,
            )
        )
    StringTranslation.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    return len(rows)


def load_networks(count, rng, stdout=None):
    """`count` networks under the Turkish directory, each with its English translation."""
    from django.db.models import Max
    from django.utils import timezone
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationLog
    from wagtail_localize.strings import StringValue

    from forms_app.models import Topic
    from networks.models import NetworkIndexPage, NetworkPage

    turkish = Locale.objects.get(language_code="tr")
    english = Locale.objects.get(language_code="en")
    index_tr = NetworkIndexPage.objects.get(locale=turkish)
    index_en = NetworkIndexPage.objects.get(
        locale=english, translation_key=index_tr.translation_key
    )
    children_tr, children_en = _Children(index_tr), _Children(index_en)
    first = NetworkPage.objects.count() + 1  # numbers (and so slugs) never clash on a reload
    sort_order = (
        Topic.objects.filter(network__isnull=False).aggregate(m=Max("sort_order"))["m"] or 99
    )
    now = timezone.now()
    loaded = 0
    for start in range(0, count, NETWORK_BATCH):
        numbers = range(first + start, first + min(start + NETWORK_BATCH, count))
        specs = [_network_spec(number, rng) for number in numbers]
        pages_tr = [
            _new_page(NetworkPage, index_tr, children_tr, turkish, fields, now)
            for fields, _english in specs
        ]
        _insert_pages(pages_tr)
        _publish_revisions(pages_tr, now)

        # wagtail-localize: the source (strings and segments extracted by it), a translation
        # into English, the translated strings.
        sources, segments = _translation_sources(pages_tr)
        english_values = [
            {text: StringValue.from_plaintext(translated) for text, translated in spec[1].items()}
            for spec in specs
        ]
        Translation.objects.bulk_create(
            [Translation(source=source, target_locale=english) for source in sources]
        )
        _string_translations(
            sources,
            {source.pk: values for source, values in zip(sources, english_values, strict=True)},
            english,
        )
        # Published after its source was written, as save_target publishes (the parity
        # report compares the two).
        published = timezone.now()
        pages_en = [
            _english_page(page, *extracted, index_en, children_en, english, published)
            for page, *extracted in zip(pages_tr, segments, english_values, strict=True)
        ]
        _insert_pages(pages_en)
        revisions_en = _publish_revisions(pages_en, published)
        TranslationLog.objects.bulk_create(
            [
                TranslationLog(source=source, locale=english, revision=revision)
                for source, revision in zip(sources, revisions_en, strict=True)
            ]
        )

        # The contact form's topic of each network, in both languages.
        topics_tr = []
        for page in pages_tr:
            sort_order += 1
            topics_tr.append(
                Topic(
                    locale=turkish, label=page.short_name, network=page, sort_order=sort_order,
                    live=True, first_published_at=now, last_published_at=now,
                )
            )  # fmt: skip
        Topic.objects.bulk_create(topics_tr)
        topics_en = [
            Topic(
                locale=english, label=topic.label, network=topic.network,
                sort_order=topic.sort_order, translation_key=topic.translation_key, live=True,
                first_published_at=now, last_published_at=now,
            )
            for topic in topics_tr
        ]  # fmt: skip
        Topic.objects.bulk_create(topics_en)
        _topic_revisions([*topics_tr, *topics_en], now)

        _index_for_search(NetworkPage, [*pages_tr, *pages_en])
        loaded += len(pages_tr)
        _say(stdout, f"  networks: {loaded}/{count}")

    for index, children in ((index_tr, children_tr), (index_en, children_en)):
        type(index).objects.filter(pk=index.pk).update(numchild=index.numchild + children.added)
    return loaded


def _topic_revisions(topics, now):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Revision

    from forms_app.models import Topic

    topic_type = ContentType.objects.get_for_model(Topic)
    revisions = [
        Revision(
            content_type=topic_type,
            base_content_type=topic_type,
            object_id=str(topic.pk),
            created_at=now,
            content=topic.serializable_data(),
            object_str=str(topic),
        )
        for topic in topics
    ]
    Revision.objects.bulk_create(revisions, batch_size=NETWORK_BATCH)
    for topic, revision in zip(topics, revisions, strict=True):
        topic.latest_revision = topic.live_revision = revision
    Topic.objects.bulk_update(topics, ["latest_revision", "live_revision"], batch_size=500)


def _index_for_search(model, objects):
    from wagtail.search.backends import get_search_backend

    get_search_backend().add_bulk(model, objects)


def load_inquiries(count, rng, stdout=None):
    """`count` inquiries sent from the contact pages over the last two years, each with its
    notification and (mostly) confirmation e-mail, sent."""
    from django.utils import timezone

    from forms_app.models import ContactFormPage, Inquiry, OutgoingEmail, Topic
    from forms_app.records import answers_search_text

    pages = {
        page.locale.language_code: page
        for page in ContactFormPage.objects.select_related("locale").live()
    }
    fields = {code: {} for code in pages}
    for code, page in pages.items():
        for field in page.form_fields.order_by("sort_order", "pk"):
            fields[code].setdefault(field.field_type, []).append(field.clean_name)
    topics = {
        code: list(
            Topic.objects.filter(locale__language_code=code, live=True).values_list(
                "translation_key", "label"
            )
        )
        for code in pages
    }
    now = timezone.now()
    statuses = [Inquiry.Status.NEW] * 2 + [Inquiry.Status.ANSWERED] * 5 + [Inquiry.Status.ARCHIVED]
    next_inquiry = (Inquiry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    next_email = (
        OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ) + 1
    created = 0
    for start in range(0, count, INQUIRY_BATCH):
        inquiries, emails = [], []
        for _number in range(start, min(start + INQUIRY_BATCH, count)):
            code = "tr" if rng.random() < 0.8 else "en"
            page, names = pages[code], fields[code]
            key, label = rng.choice(topics[code])
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            email = f"{search_key_ascii(first)}.{search_key_ascii(last)}{next_inquiry}@example.org"
            message = rng.choice(MESSAGES_TR if code == "tr" else MESSAGES_EN).format(topic=label)
            answers = {
                names["singleline"][0]: f"{first} {last}",
                names["email"][0]: email,
                names["singleline"][1]: rng.choice(ORGANISATIONS),
                names["topic"][0]: str(key),
                names["multiline"][0]: message,
            }
            consent = rng.random() < 0.3
            status = rng.choice(statuses)
            sent = now - timedelta(seconds=rng.randint(60, 729 * 86400))
            inquiries.append(
                {
                    "id": next_inquiry,
                    "page": page.pk,
                    "page_title": page.title,
                    "form_data": answers,
                    "submit_time": sent,
                    "language": code,
                    "topic": str(key),
                    "topic_label": label,
                    "notice_version": page.privacy_notice_version,
                    "consent_given": consent,
                    "consent_text": page.consent_label if consent else "",
                    "confirmation_to": email,
                    "submission_key": hashlib.sha256(uuid.uuid4().bytes).hexdigest(),
                    "status": status,
                    "status_changed_at": None if status == Inquiry.Status.NEW else sent,
                    "status_changed_by": None,
                    "search_text": answers_search_text(answers),
                }
            )
            kinds = [(OutgoingEmail.Kind.NOTIFICATION, "tr", "iletisim@mbb.org.tr")]
            if rng.random() < 0.9:
                kinds.append((OutgoingEmail.Kind.CONFIRMATION, code, email))
            for kind, language, to in kinds:
                delivered = sent + timedelta(seconds=rng.randint(2, 90))
                emails.append(
                    {
                        "id": next_email,
                        "inquiry": next_inquiry,
                        "kind": kind,
                        "language": language,
                        "to_address": to,
                        "reply_to": email if kind == OutgoingEmail.Kind.NOTIFICATION else "",
                        "subject": f"[MBB] {label}",
                        "body_text": f"{label}\n\n{message}",
                        "body_html": "",
                        "message_id": f"<{uuid.uuid4().hex}@mbb.org.tr>",
                        "created_at": sent,
                        "sent_at": delivered,
                        "attempts": 1,
                        "next_attempt_at": delivered,
                        "claimed_until": None,
                        "last_error": "",
                    }
                )
                next_email += 1
            next_inquiry += 1
        _insert_rows(Inquiry, inquiries)
        _insert_rows(OutgoingEmail, emails)
        created += len(inquiries)
        _say(stdout, f"  inquiries: {created}/{count}")
    _reset_sequences(Inquiry, OutgoingEmail)
    return created


def search_key_ascii(name):
    from forms_app.records import search_key

    return search_key(name)


def _insert_rows(model, rows):
    """INSERT the rows (dicts by field name, every concrete field) with one executemany: the
    values are converted for the database by each field, as bulk_create converts them, without
    building a model instance per row (100,000 inquiries would spend most of the load there)."""
    from django.db import connection

    fields = model._meta.concrete_fields
    converters = [
        (field, field.get_internal_type() in ("JSONField", "DateTimeField", "UUIDField"))
        for field in fields
    ]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from the models)
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    params = [
        [
            field.get_db_prep_save(row[field.name], connection) if convert else row[field.name]
            for field, convert in converters
        ]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _reset_sequences(*models):
    """After explicit ids, PostgreSQL's sequences continue after them (SQLite needs nothing)."""
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def load(networks=1000, inquiries=100_000, stdout=None):
    """Load `networks` networks (with English translations and topics) and `inquiries`
    inquiries into the current database; returns counts and seconds."""
    from django.db import transaction

    from core import page_cache

    rng = random.Random(15)  # noqa: S311 (made-up data, the same on every run)
    started = time.perf_counter()
    with transaction.atomic():
        loaded = load_networks(networks, rng, stdout)
    networks_seconds = time.perf_counter() - started
    with transaction.atomic():
        stored = load_inquiries(inquiries, rng, stdout)
    # What a publish would retire: every page lists or links the directory's networks.
    page_cache.bump_versions(set(), site=True)
    seconds = time.perf_counter() - started
    _say(stdout, f"scale data: {loaded} networks, {stored} inquiries in {seconds:.0f} s")
    return {
        "networks": loaded,
        "inquiries": stored,
        "networks_seconds": round(networks_seconds, 1),
        "seconds": round(seconds, 1),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--networks", type=int, default=1000)
    parser.add_argument("--inquiries", type=int, default=100_000)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mbbcms.settings.dev")
    import django

    django.setup()
    load(args.networks, args.inquiries, stdout=sys.stdout)


if __name__ == "__main__":
    main()
