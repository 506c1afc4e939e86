"""The membership directory: sorting and filtering through the query string (no JavaScript),
a result count, a timeline by year, and bad input that never breaks the page."""

import html5lib
import pytest

from home.seed import content
from networks.collation import english_sort_key, turkish_sort_key
from networks.models import NetworkIndexPage
from tests.factories import NetworkPageFactory

pytestmark = pytest.mark.django_db

# The seeded networks' years of joining, oldest first: the directory lists every one.
JOINED_YEARS = sorted(network["fields"]["joined_year"] for network in content.NETWORKS)
NETWORKS = len(JOINED_YEARS)


def parse(response):
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def has_class(element, name):
    return name in (element.get("class") or "").split()


def text(element):
    return "".join(element.itertext()).strip()


def directory(client, language, query=""):
    page = NetworkIndexPage.objects.get(locale__language_code=language)
    response = client.get(page.url + query)
    assert response.status_code == 200
    return parse(response)


def card_acronyms(document):
    """Each card's short_name (a card whose short_name is its full name shows it only once)."""
    acronyms = []
    for li in document.iter("li"):
        if has_class(li, "network-card"):
            label = [p for p in li.iter("p") if has_class(p, "network-card__acronym")]
            acronyms.append(text(label[0]) if label else text(next(li.iter("h2"))))
    return acronyms


def card_years(document):
    years = []
    for li in document.iter("li"):
        if has_class(li, "network-card"):
            dd = next(li.iter("dd"))
            years.append(int(text(dd)))
    return years


def select(document, element_id):
    return next(s for s in document.iter("select") if s.get("id") == element_id)


def selected_value(document, element_id):
    options = [
        o for o in select(document, element_id).iter("option") if o.get("selected") is not None
    ]
    return options[0].get("value") if options else None


def result_count(document):
    return text(next(p for p in document.iter("p") if has_class(p, "result-count")))


def test_directory_lists_the_most_recent_memberships_first_by_default(client):
    document = directory(client, "en")
    years = card_years(document)
    assert years == JOINED_YEARS[::-1]
    assert selected_value(document, "directory-sort") == "-joined"
    assert result_count(document) == f"{NETWORKS} networks"


def card_titles(document):
    return [
        text(next(li.iter("h2"))) for li in document.iter("li") if has_class(li, "network-card")
    ]


def test_directory_sorts_oldest_first_and_by_name(client):
    assert card_years(directory(client, "en", "?sort=joined")) == JOINED_YEARS
    by_name = directory(client, "tr", "?sort=name")
    assert selected_value(by_name, "directory-sort") == "name"


@pytest.mark.parametrize(("language", "key"), [("tr", turkish_sort_key), ("en", english_sort_key)])
def test_a_to_z_sorts_by_the_name_shown_in_the_pages_language(client, language, key):
    titles = card_titles(directory(client, language, "?sort=name"))
    assert len(titles) == NETWORKS
    assert titles == sorted(titles, key=key)


def test_a_to_z_in_turkish_puts_dotless_i_and_cedilla_letters_in_alphabet_order(client):
    # Names that only sort right with the Turkish alphabet (I < İ, C < Ç < D, Ş after S).
    for short_name, name in [
        ("ZZA", "İklim Kentleri Ağı"),
        ("ZZB", "Irmak Havzaları Birliği"),
        ("ZZC", "Çevre Ağı"),
        ("ZZD", "Şehirler Birliği"),
    ]:
        NetworkPageFactory(title=name, short_name=short_name, joined_year=2024, publish=True)
    titles = card_titles(directory(client, "tr", "?sort=name"))
    position = {title: titles.index(title) for title in titles}
    assert position["Irmak Havzaları Birliği"] < position["İklim Kentleri Ağı"]
    assert position["Çevre Ağı"] < position["İklim Kentleri Ağı"]
    assert all(position["Şehirler Birliği"] > position[t] for t in titles if t[0] in "SsRr")
    assert titles == sorted(titles, key=turkish_sort_key)


def test_every_card_has_the_same_rows(client):
    for language in ("tr", "en"):
        document = directory(client, language)
        cards = [li for li in document.iter("li") if has_class(li, "network-card")]
        rows = [[text(dt) for dt in card.iter("dt")] for card in cards]
        assert len(cards) == NETWORKS
        assert all(row == rows[0] for row in rows), rows
        assert len(rows[0]) >= 2
        for card in cards:
            assert all(text(dd) for dd in card.iter("dd")), "an empty row says so"


def switcher_links(document):
    nav = next(n for n in document.iter("nav") if has_class(n, "language-switcher"))
    return {a.get("hreflang"): a.get("href") for a in nav.iter("a")}


def test_the_language_switcher_keeps_the_directorys_sort_and_year(client):
    tr_page = NetworkIndexPage.objects.get(locale__language_code="tr")
    en_page = NetworkIndexPage.objects.get(locale__language_code="en")
    document = directory(client, "tr", "?sort=name&joined=2023")
    assert switcher_links(document)["en"] == en_page.url + "?sort=name&joined=2023"
    document = directory(client, "en", "?sort=joined")
    assert switcher_links(document)["tr"] == tr_page.url + "?sort=joined"
    # Values the directory ignores are not carried over, and plain views link plainly.
    document = directory(client, "en", "?sort=bogus&joined=abc")
    assert switcher_links(document)["tr"] == tr_page.url
    assert switcher_links(directory(client, "en"))["tr"] == tr_page.url


def test_directory_filters_by_year_joined_and_says_how_many_it_shows(client):
    latest, earliest = JOINED_YEARS[-1], JOINED_YEARS[0]
    shown = JOINED_YEARS.count(latest)
    document = directory(client, "en", f"?joined={latest}")
    assert card_years(document) == [latest] * shown
    assert selected_value(document, "directory-joined") == str(latest)
    assert result_count(document) == f"Showing {shown} of {NETWORKS} networks: joined in {latest}"
    turkish = directory(client, "tr", f"?joined={earliest}&sort=name")
    shown = JOINED_YEARS.count(earliest)
    assert card_years(turkish) == [earliest] * shown
    assert result_count(turkish) == (
        f"{earliest} yılında katıldığımız ağlar: {NETWORKS} ağdan {shown} tanesi"
    )


def test_result_count_is_a_polite_status_message(client):
    document = directory(client, "en")
    count = next(p for p in document.iter("p") if has_class(p, "result-count"))
    assert count.get("role") == "status"


@pytest.mark.parametrize(
    ("query", "notice"),
    [
        ("?sort=price", "That sort order is not available"),
        ("?joined=abc", "There is no membership from the year you chose"),
        ("?joined=1999", "There is no membership from the year you chose"),
        ("?joined=-2008", "There is no membership from the year you chose"),
        ("?joined=99999999999999999999", "There is no membership from the year you chose"),
    ],
)
def test_bad_query_values_fall_back_to_the_defaults_with_a_notice(client, query, notice):
    document = directory(client, "en", query)
    assert len(card_years(document)) == NETWORKS
    notices = [text(p) for p in document.iter("p") if has_class(p, "notice")]
    assert len(notices) == 1 and notices[0].startswith(notice)


def test_bad_query_values_are_explained_in_turkish_on_turkish_pages(client):
    document = directory(client, "tr", "?sort=x&joined=abc")
    notices = [text(p) for p in document.iter("p") if has_class(p, "notice")]
    assert notices == [
        "Bu sıralama seçeneği bulunmuyor; ağlar en yeni üyelikten başlayarak gösteriliyor.",
        "Seçtiğiniz yıla ait bir üyelik yok; tüm yıllar gösteriliyor.",
    ]


def test_filter_form_works_without_javascript(client):
    document = directory(client, "en")
    form = next(f for f in document.iter("form") if has_class(f, "directory-controls"))
    assert form.get("method") == "get"
    labels = {label.get("for") for label in form.iter("label")}
    assert labels == {"directory-sort", "directory-joined"}
    assert [b.get("type") for b in form.iter("button")] == ["submit"]
    years = [o.get("value") for o in select(document, "directory-joined").iter("option")]
    assert years == ["", *(str(year) for year in sorted(set(JOINED_YEARS), reverse=True))]


def test_timeline_lists_every_membership_under_the_year_it_began(client):
    # The timeline ignores the filter.
    document = directory(client, "en", f"?joined={JOINED_YEARS[0]}")
    timeline = next(ol for ol in document.iter("ol") if has_class(ol, "timeline"))
    entries = {
        text(next(entry.iter("time"))): [text(a) for a in entry.iter("a")]
        for entry in timeline.iter("li")
        if has_class(entry, "timeline__entry")
    }
    expected = {}
    for network in sorted(content.NETWORKS, key=lambda n: n["fields"]["short_name"].casefold()):
        fields = network["fields"]
        expected.setdefault(str(fields["joined_year"]), []).append(fields["short_name"])
    assert entries == expected
    assert list(entries) == sorted(entries)  # oldest year first


@pytest.mark.parametrize("language", ["tr", "en"])
def test_card_and_timeline_links_are_each_networks_own_address(client, language):
    """The listing builds a card's link from the directory's address and the network's slug
    (listing._with_urls), not through {% pageurl %}: it must be the address Wagtail gives."""
    directory_page = NetworkIndexPage.objects.get(locale__language_code=language)
    NetworkPageFactory(parent=directory_page, slug="slug-with-digits-2024", joined_year=2024)
    own = {network.full_name: network.url for network in directory_page.get_children().specific()}
    document = directory(client, language)
    cards = {
        text(a): a.get("href")
        for li in document.iter("li")
        if has_class(li, "network-card")
        for a in li.iter("a")
    }
    assert cards == own
    timeline = next(ol for ol in document.iter("ol") if has_class(ol, "timeline"))
    links = {a.get("href") for a in timeline.iter("a")}
    assert links == set(own.values())
