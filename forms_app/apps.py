from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsAppConfig(AppConfig):
    name = "forms_app"
    verbose_name = _("Contact form")

    def ready(self):
        from wagtail.signals import page_published
        from wagtail.snippets.models import register_snippet

        # First: the permission policies it registers must exist before any view is built.
        from . import wagtail_hooks  # noqa: F401
        from .admin_views import ContactFormViewSetGroup
        from .topics import on_page_published

        # Registered as snippets (the Topic viewset is one) in every process, not only once
        # the admin's URLs load: saving a topic must retire cached forms from a command too.
        register_snippet(ContactFormViewSetGroup)

        # A network published in Turkish becomes a topic of the contact form.
        page_published.connect(on_page_published, dispatch_uid="forms_app-network-topics")

        # The form offers live topics, network topics while their network is live: either
        # published retires the cached forms (core/invalidation.py).
        from core.invalidation import register_purge
        from networks.directory import is_network

        from .models import ContactFormPage
        from .records import Topic

        def contact_forms(_instance):
            return ContactFormPage.objects.all()

        register_purge(lambda instance: isinstance(instance, Topic), contact_forms)
        register_purge(is_network, contact_forms)
