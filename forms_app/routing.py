"""Which address gets the inquiries on a topic."""

from django.conf import settings
from wagtail.models import Locale


def recipient_for(topic):
    from .models import TopicRoute

    route = TopicRoute.objects.filter(topic=topic).first() if topic else None
    return route.recipient if route else settings.CONTACT_DEFAULT_RECIPIENT


def known_topics():
    """[(key, label)] of every topic offered by a contact form, in the source language."""
    from .models import ContactFormPage

    topics = {}
    for page in ContactFormPage.objects.filter(locale=Locale.get_default()):
        field = page.get_topic_field()
        if field is not None:
            for key, label in field.get_choice_pairs():
                topics.setdefault(key, label)
    return list(topics.items())
