"""A view-only page permission: Translators see the Turkish pages in the explorer.

The translators' guide says "open a Turkish page, choose Translate", and the translation
editor's page choosers ask the admin API about the Turkish page they point to. Both need the
Turkish tree to be explorable, but translators must not edit it. Wagtail 8's page permissions
have no "view" type: any grant that makes a page explorable (add, change, publish, lock …)
also lets the user act on it. Django's own "Can view page" permission (`view_page`) exists for
every model, so the roles grant it on the Turkish home (roles.py), and this policy counts it
as a reason to explore, and for nothing else: editing, publishing and every other check still
ask for their own permission. Registered with Wagtail's documented
`register_permission_policy` (see apps.py).
"""

from django.contrib.auth import get_permission_codename
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

# Wagtail's explore actions (PagePermissionPolicy.explorable_instances), plus "view".
EXPLORE_ACTIONS = {"add", "change", "publish", "lock", "unlock", "bulk_delete", "view"}


class ViewablePagePermissionPolicy(PagePermissionPolicy):
    def instances_with_direct_explore_permission(self, user):
        if user.is_superuser:
            return super().instances_with_direct_explore_permission(user)
        codenames = {get_permission_codename(action, Page._meta) for action in EXPLORE_ACTIONS}
        return [
            perm.page
            for perm in self.get_cached_permissions_for_user(user)
            if perm.permission.codename in codenames
        ]

    def explorable_instances(self, user):
        # As Wagtail does (in a private method): nothing for inactive users, all for superusers.
        if not user.is_active:
            return self.model._default_manager.none()
        if user.is_superuser:
            return self.model._default_manager.all()
        pages = self.instances_user_has_any_permission_for(user, EXPLORE_ACTIONS)
        granted_on = [perm.page for perm in self.get_cached_permissions_for_user(user)]
        if not granted_on:
            return pages
        # As Wagtail does: the ancestors of every page a permission is granted on, so the
        # user can walk down to it, below their first common ancestor.
        for page in granted_on:
            pages |= self.model._default_manager.ancestor_of(page)
        common = self.model.base_page_model.objects.first_common_ancestor_of(granted_on)
        return pages.filter(path__startswith=common.path)


def register():
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Page, ViewablePagePermissionPolicy(Page))
