"""The editorial roles, their permissions and the moderation workflow.

Editors write the Turkish site, Translators keep the English site in step, Moderators approve
what goes live. Page permissions are granted on each language's home page, so a role reaches
exactly one language tree (Moderators reach both). Inquiry handlers ("Başvuru sorumluları") are
the only role that reads the contact form's inquiries: visitors' personal data is seen by those
who answer it and nobody else (KVKK art. 12, need to know).

Every function takes an app registry, so the same code runs in the data migration (historical
models) and at run time. The migration sets everything up exactly
(`set_up_roles_and_moderation`); on a fresh database the home pages only appear later, when
`load_seed_content` runs, so publishing a language's home page adds that tree's page
permissions and workflow (`attach_language_home`, see `signals.py`) without undoing anything an
administrator has changed since. Running either twice changes nothing.
"""

SOURCE_LANGUAGE = "tr"
TARGET_LANGUAGE = "en"

EDITORS = "Editors"
TRANSLATORS = "Translators"
MODERATORS = "Moderators"
INQUIRY_HANDLERS = "Inquiry handlers"

# The team works in Turkish, and Wagtail shows these names inside translated sentences
# ("Yayın onayı için gönder", the e-mails' "… moderasyon aşaması"), so they are Turkish:
# publication approval, moderator approval. Migration 0004 renamed the English originals.
WORKFLOW_NAME = "Yayın onayı"
TASK_NAME = "Moderatör onayı"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
SUBMIT_TRANSLATION = (
    "wagtail_localize",
    "translation",
    "submit_translation",
    "Can submit translations",
)
# Reading, changing the working state of, exporting and deleting inquiries.
HANDLE_INQUIRIES = [
    ("forms_app", "inquiry", f"{action}_inquiry", f"Can {action} inquiry")
    for action in ("view", "change", "delete")
]
CHANGE_FOOTER = ("core", "contactdetails", "change_contactdetails", "Can change contact details")
# The footer has drafts and goes through moderation like a page: only Moderators publish it.
MODERATE_FOOTER = [
    ("core", "contactdetails", f"{action}_contactdetails", f"Can {action} contact details")
    for action in ("publish", "lock", "unlock")
]
# Snippets that appear on the public site, moderated with the pages' workflow.
MODERATED_SNIPPETS = [("core", "contactdetails"), ("forms_app", "topic")]
# Contact-form topics: editors keep the Turkish list, translators translate it (the snippet's
# language follows the page tree, editorial.wagtail_hooks). Only superusers set recipients.
# Their labels are on the public form, so like the footer only Moderators publish them.
MODERATE_TOPICS = [
    ("forms_app", "topic", f"{action}_topic", f"Can {action} topic")
    for action in ("publish", "lock", "unlock")
]
# Editors write topics; removing one takes it off the public form at once, which no workflow
# step sees, so only Moderators may delete (as nobody but them publishes).
WRITE_TOPICS = [
    ("forms_app", "topic", f"{action}_topic", f"Can {action} topic")
    for action in ("add", "change", "view")
]
DELETE_TOPICS = [("forms_app", "topic", "delete_topic", "Can delete topic")]
TRANSLATE_TOPICS = [
    ("forms_app", "topic", f"{action}_topic", f"Can {action} topic")
    for action in ("change", "view")
]
VIEW_PARITY = (
    "editorial",
    "turkishonlypage",
    "view_translation_parity",
    "Can view the translation parity report",
)
MANAGE_TURKISH_ONLY = [
    ("editorial", "turkishonlypage", f"{action}_turkishonlypage", f"Can {action} Turkish-only page")
    for action in ("add", "change", "delete", "view")
]

# Model-level permissions: each group gets exactly these.
MODEL_PERMISSIONS = {
    EDITORS: [ACCESS_ADMIN, CHANGE_FOOTER, *WRITE_TOPICS, VIEW_PARITY, *MANAGE_TURKISH_ONLY],
    TRANSLATORS: [ACCESS_ADMIN, SUBMIT_TRANSLATION, CHANGE_FOOTER, *TRANSLATE_TOPICS, VIEW_PARITY],
    MODERATORS: [
        ACCESS_ADMIN,
        CHANGE_FOOTER,
        *MODERATE_FOOTER,
        *WRITE_TOPICS,
        *DELETE_TOPICS,
        *MODERATE_TOPICS,
        VIEW_PARITY,
        *MANAGE_TURKISH_ONLY,
    ],
    INQUIRY_HANDLERS: [ACCESS_ADMIN, *HANDLE_INQUIRIES],
}

# Page permissions per language tree. Editors have no publish permission: what they write
# goes live when a moderator approves it. Translators publish in the translation editor,
# which has a Publish button and no "submit for moderation" (wagtail-localize 1.14).
# Nobody here may delete pages. Translators may view (not edit) the Turkish tree, so that
# "open a Turkish page, choose Translate" works and the translation editor's page choosers can
# show the Turkish pages they point to ("view_page" is Django's own permission; Wagtail learns
# to read it in page_permissions.py).
MODERATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
PAGE_PERMISSIONS = {
    EDITORS: {SOURCE_LANGUAGE: ["add_page", "change_page"]},
    TRANSLATORS: {SOURCE_LANGUAGE: ["view_page"], TARGET_LANGUAGE: ["change_page", "publish_page"]},
    MODERATORS: {
        SOURCE_LANGUAGE: MODERATOR_PAGE_PERMISSIONS,
        TARGET_LANGUAGE: MODERATOR_PAGE_PERMISSIONS,
    },
}
PAGE_PERMISSION_NAMES = {
    "add_page": "Can add page",
    "change_page": "Can change page",
    "publish_page": "Can publish page",
    "lock_page": "Can lock page",
    "unlock_page": "Can unlock page",
    "view_page": "Can view page",
}


def set_up_roles_and_moderation(apps):
    """Create or correct the three groups, their permissions and the moderation workflow."""
    groups = {name: _group(apps, name) for name in MODEL_PERMISSIONS}
    for name, permissions in MODEL_PERMISSIONS.items():
        groups[name].permissions.set([_permission(apps, *spec) for spec in permissions])
    homes = language_homes(apps)
    for name, trees in PAGE_PERMISSIONS.items():
        _set_page_permissions(apps, groups[name], trees, homes)
    _set_up_workflow(apps, groups[MODERATORS], homes)


def set_up_inquiry_handlers(apps):
    """Create the Inquiry handlers group and take every inquiry permission away from the
    other roles, leaving everything else as an administrator set it."""
    Permission = apps.get_model("auth", "Permission")
    handlers = _group(apps, INQUIRY_HANDLERS)
    handlers.permissions.set(
        [_permission(apps, *spec) for spec in MODEL_PERMISSIONS[INQUIRY_HANDLERS]]
    )
    inquiry_permissions = Permission.objects.filter(
        content_type__app_label="forms_app", content_type__model="inquiry"
    )
    for name in (EDITORS, TRANSLATORS, MODERATORS):
        _group(apps, name).permissions.remove(*inquiry_permissions)


def attach_language_home(apps, home):
    """Grant the roles their page permissions on a (new) language home and give it the
    moderation workflow, adding only what is missing."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    language = home.locale.language_code
    for name, trees in PAGE_PERMISSIONS.items():
        group = _group(apps, name)
        for codename in trees.get(language, []):
            permission = _permission(
                apps, "wagtailcore", "page", codename, PAGE_PERMISSION_NAMES[codename]
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=home.pk, permission=permission
            )
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None and not WorkflowPage.objects.filter(page_id=home.pk).exists():
        WorkflowPage.objects.create(page_id=home.pk, workflow=workflow)


def is_language_home(page):
    content_type = page.content_type
    return page.depth == 2 and (content_type.app_label, content_type.model) == ("home", "homepage")


def language_homes(apps):
    """Language code -> that language's home page (the root of its tree), where it exists.

    Ordered so that, should a language ever have two, the older one wins.
    """
    Page = apps.get_model("wagtailcore", "Page")
    homes = Page.objects.filter(
        depth=2, content_type__app_label="home", content_type__model="homepage"
    ).select_related("locale")
    return {home.locale.language_code: home for home in homes.order_by("-path")}


def _group(apps, name):
    Group = apps.get_model("auth", "Group")
    return Group.objects.get_or_create(name=name)[0]


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
    # Model permissions are normally created after all migrations (post_migrate); creating
    # them here with the same codename is what Django's own step would do later.
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )[0]


def _set_page_permissions(apps, group, trees, homes):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    wanted = set()
    for language, codenames in trees.items():
        home = homes.get(language)
        if home is None:
            continue
        for codename in codenames:
            permission = _permission(
                apps, "wagtailcore", "page", codename, PAGE_PERMISSION_NAMES[codename]
            )
            grant = GroupPagePermission.objects.get_or_create(
                group=group, page_id=home.pk, permission=permission
            )[0]
            wanted.add(grant.pk)
    # Drop anything else, such as Wagtail's default grants on the root page that would let
    # Editors into the English tree.
    GroupPagePermission.objects.filter(group=group).exclude(pk__in=wanted).delete()


def _set_up_workflow(apps, moderators, homes):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})[0]
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )[0]
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME, active=True, content_type=content_type
        )
    task.groups.set([moderators])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes.values():
        WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})
    _moderate_snippets(apps, workflow)


def set_up_snippet_moderation(apps):
    """Moderators publish, lock and unlock the moderated snippets (footer, topics), which get
    the pages' workflow."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    moderators = _group(apps, MODERATORS)
    moderators.permissions.add(
        *[_permission(apps, *spec) for spec in (*MODERATE_FOOTER, *MODERATE_TOPICS)]
    )
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        _moderate_snippets(apps, workflow)


def _moderate_snippets(apps, workflow):
    ContentType = apps.get_model("contenttypes", "ContentType")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for app_label, model in MODERATED_SNIPPETS:
        content_type = ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
