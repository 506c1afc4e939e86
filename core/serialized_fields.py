"""Renaming a field of a page or snippet in the JSON that Wagtail and wagtail-localize keep.

Revisions and wagtail-localize's translation sources store whole objects as JSON keyed by
field name, and wagtail-localize keys each translatable string by its field's path. After a
RenameField, an old key would be dropped without a word when the object is rebuilt (a
revert, a translation sync), so migrations that rename fields rewrite the keys too.
"""

import json


def rename_serialized_fields(apps, app_label, model_name, renames):
    """In `app_label.model_name`'s revisions, translation sources and string contexts, rename
    each key `old` of `renames` ({old: new}) to `new`."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
    if content_type is None:
        return  # nothing was ever saved under this type
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = _renamed(revision.content, renames)
        if content is not None:
            Revision.objects.filter(pk=revision.pk).update(content=content)
    if not _installed(apps, "wagtail_localize"):
        return
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type=content_type):
        content = _renamed(json.loads(source.content_json), renames)
        if content is not None:
            TranslationSource.objects.filter(pk=source.pk).update(content_json=json.dumps(content))
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    object_ids = TranslationSource.objects.filter(specific_content_type=content_type).values_list(
        "object_id", flat=True
    )
    for context in TranslationContext.objects.filter(object_id__in=object_ids):
        head, dot, tail = context.path.partition(".")
        if head in renames:
            TranslationContext.objects.filter(pk=context.pk).update(path=renames[head] + dot + tail)


def _renamed(content, renames):
    if not isinstance(content, dict) or not renames.keys() & content.keys():
        return None
    return {renames.get(key, key): value for key, value in content.items()}


def _installed(apps, app_label):
    try:
        apps.get_app_config(app_label)
    except LookupError:
        return False
    return True
