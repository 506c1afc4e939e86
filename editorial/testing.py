"""Helpers for the editorial tests: role users and admin page forms as a browser sends them."""

import json
from urllib.parse import urlencode

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from .roles import SOURCE_LANGUAGE, TARGET_LANGUAGE


def make_user(username, *groups, language=""):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", "test-password-1"
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def language_home(language_code):
    return Page.objects.get(depth=2, locale__language_code=language_code).specific


def turkish_home():
    return language_home(SOURCE_LANGUAGE)


def english_home():
    return language_home(TARGET_LANGUAGE)


def rendered_form_data(form):
    """What a browser would post for an admin form as rendered (a BeautifulSoup element)."""
    data = {}
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or name == "csrfmiddlewaretoken":
            continue
        if element.name == "textarea":
            data[name] = element.text
        elif element.name == "select":
            selected = element.find("option", selected=True)
            data[name] = selected.get("value", "") if selected else ""
        elif element.get("type") == "checkbox":
            if element.has_attr("checked"):
                data[name] = element.get("value", "on")
        elif element.get("type") not in ("submit", "button", "file"):
            data[name] = element.get("value", "")
    return data


def page_form_data(client, url, **fields):
    """The page editor's form fields as the admin renders them, with `fields` filled in.

    StreamField and comment inputs are built by JavaScript in the browser; the pages these
    tests edit have an empty body, which the form describes as "body-count": 0.
    """
    response = client.get(url)
    assert response.status_code == 200, response
    form = BeautifulSoup(response.content, "html5lib").find("form", id="page-edit-form")
    data = rendered_form_data(form)
    data.update(
        {
            "body-count": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        }
    )
    data.update(fields)
    return data


def is_refused(response):
    """Wagtail answers a forbidden admin view with 403, or a redirect away from it."""
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        return response.url.rstrip("/").endswith("/admin") or "/login/" in response.url
    return False


def translation_editor(client, page):
    """What the translation editor shows for the English `page`.

    Returns (segments, translations): segment id -> Turkish source text, and segment id ->
    English translation for the strings that have one.
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response
    editor = BeautifulSoup(response.content, "html5lib").find(class_="js-translation-editor")
    props = json.loads(editor["data-props"])
    segments = {
        segment["id"]: segment["source"]
        for segment in props["segments"]
        if segment["type"] == "string"
    }
    translations = {
        translation["segment_id"]: translation["data"]
        for translation in props["initialStringTranslations"]
    }
    return segments, translations


def translate_string(client, translation, segment_id, value):
    """Type one English string into the translation editor (its PUT request)."""
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment_id},
    )
    response = client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content
    return response


def publish_translation(client, page, capture):
    """Press Publish in the translation editor of the English `page`."""
    with capture(execute=True):
        response = client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302, response
    return response
