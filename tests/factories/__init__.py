"""Factories (wagtail-factories, factory_boy) for the objects tests create: pages of every
type, contact-form fields, contact details, topics, inquiries and a user in each role.

Tests run over the seeded site (tests/conftest.py loads the seed once per session), so a page
goes under the seeded page of its type's parent in the page's language unless `parent` is
given: `NetworkPageFactory()` is a new Turkish network in the membership directory,
`StandardPageFactory(language="en")` a page under the English home page. A page is saved as
`add_child` leaves it (live, with no revision); `publish=True` also publishes a revision, as
an editor's Publish does, so that publish signals run (a network's contact topic is created).
"""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from core.models import ContactDetails
from core.slugs import ascii_slug
from editorial.roles import EDITORS, INQUIRY_HANDLERS, MODERATORS, TRANSLATORS
from forms_app.models import ContactFormPage, FormField, Inquiry, Topic
from home.models import HomePage, StandardPage, WorkAreaIndexPage, WorkAreaPage
from networks.models import NetworkIndexPage, NetworkPage

PASSWORD = "test-password-1"


def locale(language_code):
    return Locale.objects.get(language_code=language_code)


def seeded(model, language_code):
    """The seeded page of `model` in the language (the first one in tree order)."""
    return model.objects.filter(locale__language_code=language_code).order_by("path").first()


# Pages ----------------------------------------------------------------------------------------


class BasePageFactory(wagtail_factories.PageFactory):
    """A page of the project: ASCII slug from the title (as the admin makes it), in the
    language of `language` (Turkish, the source language, unless told)."""

    class Params:
        language = "tr"

    title = factory.Sequence(lambda n: f"Deneme sayfası {n}")
    slug = factory.LazyAttribute(lambda page: ascii_slug(page.title))
    locale = factory.LazyAttribute(lambda page: locale(page.language))

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, publish, **kwargs):
        if create and publish:
            page.save_revision(**kwargs).publish()


class HomePageFactory(BasePageFactory):
    """A language's root page, beside the seeded ones (under Wagtail's root)."""

    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = HomePage


class StandardPageFactory(BasePageFactory):
    parent = factory.LazyAttribute(lambda page: seeded(HomePage, page.language))
    introduction = "Kent ağları hakkında."

    class Meta:
        model = StandardPage


class WorkAreaIndexPageFactory(BasePageFactory):
    parent = factory.LazyAttribute(lambda page: seeded(HomePage, page.language))

    class Meta:
        model = WorkAreaIndexPage


class WorkAreaPageFactory(BasePageFactory):
    parent = factory.LazyAttribute(lambda page: seeded(WorkAreaIndexPage, page.language))

    class Meta:
        model = WorkAreaPage


class NetworkIndexPageFactory(BasePageFactory):
    parent = factory.LazyAttribute(lambda page: seeded(WorkAreaPage, page.language))

    class Meta:
        model = NetworkIndexPage


class NetworkPageFactory(BasePageFactory):
    """A network in the seeded membership directory, with the facts every card shows."""

    parent = factory.LazyAttribute(lambda page: seeded(NetworkIndexPage, page.language))
    title = factory.Sequence(lambda n: f"Deneme Kentler Ağı {n}")
    short_name = factory.Sequence(lambda n: f"DKA{n}")
    full_name = factory.SelfAttribute("title")
    joined_year = 2020
    website = "https://example.org/"
    introduction = "Deneme ağı."

    class Meta:
        model = NetworkPage


def form_field(page, order, field):
    """A FormField of `page` from a label or a dict of FormField's fields."""
    field = {"label": field} if isinstance(field, str) else field
    values = {"field_type": "singleline", "required": True, "sort_order": order, **field}
    return FormField(locale=page.locale, **values)


class ContactFormPageFactory(BasePageFactory):
    """A contact form asking for `fields` (labels, or dicts of FormField's fields), saved with
    the page as the admin saves them."""

    class Params:
        fields = ()

    parent = factory.LazyAttribute(lambda page: seeded(HomePage, page.language))
    title = factory.Sequence(lambda n: f"Bize Yazın {n}")
    heading = "İletişime Geçin"
    thank_you_text = "<p>Teşekkürler.</p>"
    privacy_notice_summary = "Kişisel verileriniz başvurunuzu yanıtlamak için işlenir."
    privacy_notice_version = "2026-01-01"
    form_fields = factory.LazyAttribute(
        lambda page: [form_field(page, order, field) for order, field in enumerate(page.fields)]
    )

    class Meta:
        model = ContactFormPage


class FormFieldFactory(DjangoModelFactory):
    """A field added to a saved contact form, in the form's language."""

    page = factory.SubFactory(ContactFormPageFactory)
    locale = factory.SelfAttribute("page.locale")
    label = factory.Sequence(lambda n: f"Alan {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(int)

    class Meta:
        model = FormField


# Snippets and inquiries -----------------------------------------------------------------------


class ContactDetailsFactory(DjangoModelFactory):
    class Params:
        language = "tr"

    locale = factory.LazyAttribute(lambda details: locale(details.language))
    organisation = "Marmara Belediyeler Birliği"
    address = "Fatih / İstanbul"

    class Meta:
        model = ContactDetails


class TopicFactory(DjangoModelFactory):
    """A contact-form topic, live (as seeded topics are); `publish=True` also records the
    revision a moderator's Publish would."""

    class Params:
        language = "tr"

    locale = factory.LazyAttribute(lambda topic: locale(topic.language))
    label = factory.Sequence(lambda n: f"Konu {n}")
    sort_order = factory.Sequence(lambda n: 100 + n)

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(topic, create, publish, **kwargs):
        if create and publish:
            topic.save_revision(**kwargs).publish()


class InquiryFactory(DjangoModelFactory):
    """A stored submission of the seeded contact form in the language, as the form saves
    one (answers under the seeded fields' keys)."""

    language = "tr"
    page = factory.LazyAttribute(lambda inquiry: seeded(ContactFormPage, inquiry.language))
    form_data = factory.Dict(
        {
            "adiniz_ve_soyadiniz": "Ayşe Yılmaz",
            "e_posta_adresiniz": "ayse@example.org",
            "kurumunuz": "Çanakkale İl Özel İdaresi",
            "mesajiniz": "Kardeş şehir başvurusu hakkında bilgi almak istiyorum.",
        }
    )

    class Meta:
        model = Inquiry


# Users ----------------------------------------------------------------------------------------


def in_groups(*names):
    """Adds the user to the groups `names` (or to those a test passes as `groups=[...]`)."""

    def add(user, create, extracted, **kwargs):
        if create:
            for name in names if extracted is None else extracted:
                user.groups.add(Group.objects.get(name=name))

    return factory.PostGeneration(add)


class UserFactory(DjangoModelFactory):
    """A signed-up team member in no role; `language="tr"` sets the admin's language ("":
    the browser's, Wagtail's default)."""

    username = factory.Sequence(lambda n: f"kullanici{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password(PASSWORD)
    groups = in_groups()

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def language(user, create, extracted, **kwargs):
        if create:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = extracted or ""
            profile.save()


class EditorFactory(UserFactory):
    groups = in_groups(EDITORS)


class TranslatorFactory(UserFactory):
    groups = in_groups(TRANSLATORS)


class ModeratorFactory(UserFactory):
    groups = in_groups(MODERATORS)


class InquiryHandlerFactory(UserFactory):
    groups = in_groups(INQUIRY_HANDLERS)


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True
