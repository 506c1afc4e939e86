"""Admin strings that Wagtail and wagtail-localize leave without Turkish, or with wrong Turkish.

Their Turkish lives in the project's own catalogue, locale/tr/LC_MESSAGES/django.po, which wins
over the apps' catalogues because LOCALE_PATHS comes first. The msgids belong to the upstream
packages' templates and code, not to this project's, so `makemessages --no-obsolete` would drop
them again; listing them here, marked for extraction, keeps them in the catalogue. Nothing
imports this module at run time. The strings of the admin's scripts (React and Stimulus) are in
`upstream_strings.js` beside it, for the djangojs catalogue.

Each tuple is one upstream catalogue (Wagtail 8.0, wagtail-localize 1.14) and what to contribute
back to it (Transifex: wagtail/wagtail and wagtail-localize/wagtail-localize, language "tr").
When an upgrade translates a string upstream, it can go from here (and the catalogue).
"""

# ruff: noqa: E501 - msgids are copied verbatim from the upstream catalogues, long or not.
from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext_lazy

# Translated upstream, but wrongly: the Turkish here replaces it.
CORRECTIONS = (
    # wagtail.documents translates Wagtail's own "title" as "Başla" (start), and the documents
    # catalogue wins over wagtail's, so every page editor's title label read "Başla".
    _("title"),
    # Upstream: "Gönderildi %(workflow_name)s" ("Submitted Moderation").
    _("Submit to %(workflow_name)s"),
    # Upstream: " iş akışını yenile", lower case with a stray space.
    _("Restart workflow "),
    # Upstream translates these lower case; Django's capfirst turns "i" into a dotless "I"
    # ("Iş akışı"), so the Turkish starts with a capital İ already.
    _("name"),
    _("content type"),
    _("first published at"),
    _("permission"),
    _("workflow"),
    _("workflows"),
    _("requested by"),
    _("workflow_tasks"),
    _("workflow task order"),
    _("workflow task orders"),
    _("workflow state"),
    # Upstream: "Tekrar gönderildi %(task_name)s" ("Resubmitted Moderator approval").
    _("Resubmit to %(task_name)s"),
    _("Cancel workflow "),
    # Status badges: upstream mixes "canlı" and "yayında", "denetim altında" and "Moderasyonda".
    _("live"),
    _("in moderation"),
    _("live + draft"),
    _("live + scheduled"),
    _("scheduled"),
    _("Go-live:"),
    _("Expiry:"),
    _("Locked at"),
    _("Started at"),
    _("Publish this version"),
    _("Unpublish scheduled draft"),
    _("Translate {model_name}"),
    # Upstream: "Kod parçacıkları (Snippets)".
    _("Snippets"),
    # Rich text toolbar: upstream "Yatay" (horizontal), "Altyazı" (subtitle).
    _("Italic"),
    _("Subscript"),
    _("Superscript"),
    # Turkish suffixes cannot follow a placeholder ("sayfa'yi"): these sentences are built around it.
    _("Anyone can edit this %(model_name)s"),
    _("Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing"),
    _("Only reviewers for this task can edit the %(model_name)s."),
    _("Only reviewers can edit and approve the %(model_name)s"),
    _("Are you sure you want to unpublish this %(model_name)s?"),
    _("Publishing this %(model_name)s will cancel the current workflow."),
    _("Would you still like to publish this %(model_name)s?"),
    _("%(user_name)s has unsaved changes"),
    _("One or more references to this %(model_name)s prevent it from being deleted."),
    # Workflow e-mails: upstream says "sayfası" for snippets too, and "sırasında" (during) for "to".
    _(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    _(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    _(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    _(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    _('The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'),
    # Dashboard: upstream leaves "içinde oluşturuldu" outside the screen-reader span, so the
    # screen read "29 Sayfa içinde oluşturuldu." ("created in 29 pages").
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
    ),
)

# wagtail.admin: missing from its Turkish catalogue.
WAGTAIL_ADMIN = (
    _('You do not have permission to publish pages at "%(page_title)s"'),
    _("Tag(s) %(value_too_long)s are over %(max_tag_length)d characters."),
    _("Actions (footer)"),
    _('The page "%(title)s" has been approved in moderation stage "%(task)s".'),
    _('The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".'),
    _("You can edit the %(model_name)s here:"),
    _('The page "%(title)s" has been approved in "%(task)s".'),
    _('The %(model_name)s "%(title)s" has been approved in "%(task)s".'),
    _('The page "%(title)s" has been rejected in moderation stage "%(task)s".'),
    _('The %(model_name)s "%(title)s" has been rejected in moderation stage "%(task)s".'),
    _('The page "%(title)s" has been rejected during "%(task)s".'),
    _('The %(model_name)s "%(title)s" has been rejected during "%(task)s".'),
    _('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    _("You can preview the %(model_name)s here:"),
    _('The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    _('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    _('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    _('The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'),
    _('The page "%(title)s" has been approved in "%(workflow)s".'),
    _('The %(model_name)s "%(title)s" has been approved in "%(workflow)s".'),
    _('The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'),
    _('The page "%(title)s" has been rejected during "%(workflow)s".'),
    _('The %(model_name)s "%(title)s" has been rejected during "%(workflow)s".'),
    _(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    _('The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    _('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    _("Scheduling…"),
    ngettext_lazy("Delete 1 page", "Delete %(counter)s pages"),
    ngettext_lazy(
        "This will also delete one more subpage.",
        "This will also delete %(counter)s more subpages.",
    ),
    ngettext_lazy("This page has one child page", "This page has %(counter)s child pages"),
    ngettext_lazy(
        "You don't have permission to move this page",
        "You don't have permission to move these pages",
    ),
    ngettext_lazy(
        "The following page cannot be moved to %(dest_title)s",
        "The following pages cannot be moved to %(dest_title)s",
    ),
    ngettext_lazy(
        "The following page cannot be moved due to duplicate slug",
        "The following pages cannot be moved due to duplicate slugs",
    ),
    _("Yes, move these pages"),
    _("No, don't move"),
    ngettext_lazy("Publish 1 page", "Publish %(counter)s pages"),
    _("Are you sure you want to publish these pages?"),
    ngettext_lazy(
        "You don't have permission to publish this page",
        "You don't have permission to publish these pages",
    ),
    _("Yes, publish"),
    _("No, don't publish"),
    ngettext_lazy("Unpublish 1 page", "Unpublish %(counter)s pages"),
    _("Are you sure you want to unpublish these pages?"),
    ngettext_lazy(
        "You don't have permission to unpublish this page",
        "You don't have permission to unpublish these pages",
    ),
    _("Yes, unpublish"),
    _("Convert alias %(title)s"),
    _("Are you sure you want to convert this alias into an ordinary page?"),
    _("Yes, convert it"),
    _("Publish page"),
    _("Would you still like to publish this page?"),
    _("This page is an alias of another page."),
    _("Edit original page"),
    _("This page is locked, by you, to further editing"),
    _("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site."),
    _(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in '<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
    _("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    ngettext_lazy("There is one matching page", "There are %(counter)s matching pages"),
    _("Set publishing schedule"),
    _("Save schedule"),
    _("Add a collection permission"),
    _("Last published"),
    _("Last edited page"),
    _("Last edit"),
    _("No locked pages found."),
    _("No page types found."),
    _("Date / Time"),
    _("No log entries found."),
    _("No pages/snippets have been submitted for moderation yet"),
    _("%(field_label)s:"),
    _("Saved"),
    _("Autosave is paused"),
    _("Toggle breadcrumbs"),
    _("View latest version"),
    _("Currently idle"),
    _("Currently viewing"),
    _("Proceeding will overwrite the changes you made in that window."),
    _("Proceeding will overwrite the changes made by %(user_name)s."),
    _("Alternatively, you can view the latest version in a new tab."),
    _("A network error occurred"),
    _(
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to view the last saved version."
    ),
    _("Show filters"),
    _("Filter by"),
    _("account"),
    _("Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."),
    _("Section"),
    _("Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."),
    _("Visible to all. Visit the live page"),
    _("Private. Visit the live page"),
    _("Toggle section"),
    _("Content metrics"),
    _("Reading time"),
    _("Readability"),
    _("This data explained"),
    _("How we calculate our metrics"),
    _(
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words."
    ),
    _(
        "We calculate reading time from word count, using different reading speeds for different languages."
    ),
    _(
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score."
    ),
    _(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more information on how content metrics are calculated.'
    ),
    _("Locking: "),
    _("Page visibility: "),
    _("Status: "),
    _("Edit schedule"),
    _("View details"),
    _("To be created by %(user)s"),
    _("Invalid schedule"),
    _("Once scheduled:"),
    _("Set schedule"),
    _("Loading"),
    _("Refreshing…"),
    _("Preview mode"),
    _("Autosave is <span>paused</span>"),
    ngettext_lazy(
        "This %(model_name)s is referenced %(usage_count)s time.",
        "This %(model_name)s is referenced %(usage_count)s times.",
    ),
    _("This page hasn't been submitted for moderation yet"),
    _("This %(model_name)s hasn't been submitted for moderation yet"),
    _("Item %(index)s of %(total)s"),
    _("Disable custom ordering"),
    _("Enable custom ordering"),
    _("Are you sure you want to disable this workflow?"),
    _("Yes, disable"),
    _("Are you sure you want to disable this task?"),
    _("Assign to another page"),
    _('No workflows have been created. Why not <a href="%(add_url)s">add one</a>?'),
    _('There are no enabled workflows. Why not <a href="%(add_url)s">add one</a>?'),
    _("Choose which type of task you'd like to create."),
    _("Choose a task"),
    _("Creating…"),
    _("Task type"),
    _('Sorry, no tasks match "<em>%(query_string)s</em>"'),
    _('No tasks have been created. Why not <a href="%(add_url)s">add one</a>?'),
    _('There are no enabled tasks. Why not <a href="%(add_url)s">add one</a>?'),
    _("Cancelled by %(cancelled_by)s"),
    _("Published"),
    _("at %(time)s by %(user_display_name)s"),
    _("at %(time)s"),
    _("%(time)s by %(user_display_name)s"),
    _("%(time_period)s ago by %(user_display_name)s"),
    _("Sent to %(task_name)s %(started_at)s"),
    _("Application"),
    _("Show keyboard shortcuts"),
    _("Close modal dialogs (like this one)"),
    _("Save changes"),
    _("Text editing"),
    _("Insert or edit a link"),
    _("Strike-through"),
    _("Toggle status"),
    ngettext_lazy("Referenced %(count)s time", "Referenced %(count)s times"),
    _("Sort by '%(label)s' in ascending order."),
    _("Sort by '%(label)s' in descending order."),
    _("'%(page_title)s' has been moved successfully."),
    _("Meta description is empty"),
    _("Add a concise description for search engines"),
    _("Notifications"),
    _("Profile picture"),
    _("Review this version"),
    _("Compare with current version"),
    _("%(model_name)s '%(title)s' is now unlocked."),
    _("%(model_name)s '%(object)s' has been scheduled for publishing."),
    _("%(model_name)s '%(object)s' created and scheduled for publishing."),
    _("%(model_name)s '%(object)s' is live and this version has been scheduled for publishing."),
    _("%(model_name)s '%(object)s' updated and published."),
    _("%(model_name)s '%(object)s' created and published."),
    _("%(model_name)s '%(object)s' has been submitted for moderation."),
    _("%(model_name)s '%(object)s' created and submitted for moderation."),
    _("Workflow on %(model_name)s '%(object)s' has been restarted."),
    _("Workflow on %(model_name)s '%(object)s' has been cancelled."),
    _("Saving will overwrite a newer version."),
    _("The %(model_name)s could not be saved as it is locked"),
    _(
        "Version from %(timestamp)s of %(model_name)s '%(object)s' has been scheduled for publishing."
    ),
    _("Sort item order"),
    _("There are validation errors, click save to highlight them."),
    _("'%(object)s' unpublished."),
    _("(Private %(object)s)"),
    _("The %(model_name)s '%(title)s' is not currently awaiting moderation."),
    _(
        "The %(model_name)s '%(title)s' is not currently awaiting moderation in task '%(task_name)s'."
    ),
    _("Delete selected pages"),
    _("Select a new parent page"),
    _("Move selected pages"),
    _("Publish selected pages"),
    _("%(parent_pages)s and %(child_pages)s have been published"),
    ngettext_lazy(
        "%(num_parent_objects)d page has been published",
        "%(num_parent_objects)d pages have been published",
    ),
    _("Unpublish selected pages"),
    _("%(parent_pages)s and %(child_pages)s have been unpublished"),
    ngettext_lazy(
        "%(num_parent_objects)d page has been unpublished",
        "%(num_parent_objects)d pages have been unpublished",
    ),
    _("Choose parent"),
    _("Create a new %(model_name)s"),
    _("Page '%(page_title)s' has been converted into an ordinary page."),
    _("Request to create %(model_name)s was blocked by hook."),
    _("The page could not be created due to validation errors."),
    _("Page '%(page_title)s' has been replaced with version from %(previous_revision_datetime)s."),
    _("Request to edit %(model_name)s was blocked by hook."),
    _("Workflow on page '%(page_title)s' has been cancelled."),
    _(
        "Version from %(previous_revision_datetime)s of page '%(page_title)s' has been scheduled for publishing."
    ),
    _("Page '%(page_title)s' is live and this version has been scheduled for publishing."),
    _("Version from %(datetime)s of page '%(page_title)s' has been published."),
    _("Workflow on page '%(page_title)s' has been restarted."),
    _("The page could not be saved as it is locked."),
    _("The page could not be saved due to validation errors."),
    _("Date updated"),
    _("Edited by"),
    _("Has child pages"),
    _("Exploring"),
    _(
        "The slug '%(page_slug)s' is already in use at the selected parent page. Make sure the slug is unique and try again."
    ),
    _("Page types usage"),
    _("The page '%(page_title)s' is not currently awaiting moderation in task '%(task_name)s'."),
    _("Last published at"),
    _("Site history"),
    _("Action type"),
    _("Date/Time"),
    _("Locked by"),
    _("Anyone"),
    _("Locked pages"),
    _("By workflow"),
    _("Add a workflow"),
    _("New workflow"),
    _("Workflow '%(object)s' created."),
    _("Editing workflow"),
    _("Workflow '%(object)s' updated."),
    _("Disable workflow"),
    _("Workflow '%(object)s' disabled."),
    _("Workflow removed from Page '%(page_title)s'."),
    _("New workflow task"),
    _("Task '%(object)s' created."),
    _("Task '%(object)s' updated."),
    _("Task '%(object)s' disabled."),
    _("Choose another"),
    _("Choose another task"),
    _("Edit this task"),
)

# wagtail: missing from its Turkish catalogue.
WAGTAIL_CORE = (
    _("- Select an option -"),
    _("Wagtail routablepage"),
    _("Wagtail sitemaps"),
    _("Unknown content type"),
    _("Locked by you"),
    _("Locked by schedule"),
    _("A human-readable label to identify this token."),
    _("created"),
    _("revoked at"),
    _("last used at"),
    _("API token"),
    _("API tokens"),
    _("live revision"),
    _("locked at"),
    _("locked by"),
    _("for content type"),
    _("Unlock any page"),
    _(
        "The slug '%(page_slug)s' is already in use within the parent page at '%(parent_url_path)s'."
    ),
    _("Cannot overwrite a revision that is not the latest for this %(model_name)s."),
    _("Cannot overwrite a revision that was not created by the current user."),
    _("For site menus"),
    _("title tag"),
    _("meta description"),
    _("workflow page"),
    _("workflow pages"),
    _("revision"),
    _("revisions"),
    _("latest revision"),
    _("group site permission"),
    _("group site permissions"),
    _("Private, accessible with a shared password"),
    _("Private, accessible to any logged-in users"),
    _("shared password"),
    _(
        "Shared passwords should not be used to protect sensitive content. Anyone who has this password will be able to view the content."
    ),
    _("Approved"),
    _("Rejected"),
    _("started at"),
    _("finished at"),
    _("live + in moderation"),
    _("Deleted"),
    _("Create API token"),
    _("API token created"),
    _("Revoke API token"),
    _("API token revoked"),
    _("Publish scheduled draft"),
    _("Published scheduled draft"),
    _("Unpublished"),
    _("Unpublished scheduled draft"),
    _("Rename"),
    _("Renamed"),
    _("Create alias"),
    _("Created an alias"),
    _("Moved"),
    _("%(model_name)s scheduled for publishing at %(go_live_at)s"),
    _("%(model_name)s scheduled for publishing"),
    _("%(model_name)s unscheduled for publishing at %(go_live_at)s"),
    _("%(model_name)s unscheduled from publishing"),
    _("Add view restrictions"),
    _("Added the '%(restriction)s' view restriction"),
    _("Added view restriction"),
    _("Update view restrictions"),
    _("Updated view restriction"),
    _("Remove view restrictions"),
    _("Removed view restriction"),
    _("Delete comment"),
    _("Edited a reply"),
)

# wagtail.snippets: missing from its Turkish catalogue.
WAGTAIL_SNIPPETS = (
    _("You don't have permission to delete this %(snippet_type_name)s"),
    _("You don't have permission to delete these %(snippet_plural_name)s"),
    _("Replace current revision"),
)

# wagtail.users: missing from its Turkish catalogue.
WAGTAIL_USERS = (
    _("Yes, revoke"),
    _("No, don't revoke"),
    _('The token "%(name)s" has been created, copy it now, it will never be shown again.'),
    _("Copy token"),
    _("Back to API tokens"),
    _("Copying failed — please select and copy the token manually."),
    _("Revoked"),
    _("Last used"),
    _("Token"),
    _("Revoke"),
    _("Never"),
    _("Are you sure you want to revoke this API token?"),
    _("API token '%(name)s' revoked."),
    _("Delete selected users"),
)

# wagtail_localize: missing from its Turkish catalogue.
WAGTAIL_LOCALIZE = (
    _("Up to date"),
    _("Waiting for translations"),
    _("Manual"),
    _("Machine"),
    _("Translated with {tool_name} on {date}"),
    _("Translated manually on {date}"),
    _("Machine translated on {date}"),
    _("This locale cannot be synced into itself."),
    _("Synchronise content from another locale"),
    _(
        "Choose a locale to synchronise content from. Any existing and future content authored in the selected locale will be automatically copied to this one."
    ),
    _(
        "<{}> tag is not allowed. Strings can only contain standard HTML inline tags (such as <b>, <a>)"
    ),
    _("Strings cannot have any HTML tags with attributes (except for 'id' in <a> tags)"),
    _("Unrecognised id found in an <a> tag: {}"),
    _("Convert to alias %(title)s"),
    _("Convert to alias"),
    _(
        "Are you sure you want to convert this page into an alias? This will overwrite the content of the page with the content of '%(source_page_title)s' (%(source_page_locale)s)"
    ),
    _("No, leave it as a page"),
    _(
        'This page hasn\'t been translated yet. It is mirroring the <a href="%(edit_original_page_url)s" target="_blank">%(original_locale)s page</a>.'
    ),
    _("Translation of %(instance)s into %(locale)s"),
    _("Translations"),
    _("Editing %(object_type)s %(title)s"),
    _("Content type"),
    _("Source"),
    _("Target"),
    _("No translations found."),
    _("Why would I sync my page?"),
    _(
        "Changes are not automatically applied between translated pages. Syncing will add new content for translation and remove deleted content."
    ),
    _("The last sync date was %(last_sync_date)s. You are about to sync the following:"),
    _("Page '{}' has been converted into an alias."),
    _(
        "New validation errors were found when publishing '{object}' in {locale}. Please fix them or click publish again to ignore these translations for now."
    ),
    _("Published '{object}' in {locale} with missing translations - see below."),
    _("Published '{object}' in {locale}."),
    _(
        "The data model for '{model_name}' has been changed since the last translation sync. If any new fields have been added recently, these may not be visible until the next translation sync."
    ),
    _("Translation has been stopped."),
    _("Translation has been restarted."),
    _("Please upload a valid PO file."),
    _("Cannot import PO file that was created for a different translation."),
    _("Successfully imported translations from PO File."),
    _("Successfully translated with {}."),
    _("There isn't anything left to translate."),
    _("Source title"),
    ngettext_lazy("Include subtree ({} page)", "Include subtree ({} pages)"),
    _("{} locales"),
    _("The page '{page_title}' was successfully submitted for translation into {locales}"),
    _("Publish immediately"),
    _(
        'Apply the updates and publish immediately. The changes will use the original language until translated unless you also select "Use machine translation".'
    ),
    _("Use machine translation"),
    _("Apply machine translations to the incoming changes."),
    _(
        "Apply the updates and publish immediately. The changes will use the original language until translated."
    ),
    _("Update existing translations"),
    _("Successfully updated translations for '{object}'"),
    _("Sync translated pages"),
    _("Translate '%(title)s'"),
    _("Sync translated snippets"),
    _("Sync translations of '%(title)s'"),
    _("Convert to alias page"),
    _("Convert page to alias"),
    _("Converted page '%(title)s' to an alias of the translation source page '%(source_title)s'"),
    _("Converted page to an alias of the translation source page"),
)

# wagtail_localize.locales: missing from its Turkish catalogue.
WAGTAIL_LOCALIZE_LOCALES = (
    _("Wagtail locales (Wagtail Localize version)"),
    _("Locale '{0}' created."),
    _("Locale '{0}' updated."),
    _("Locale '{0}' deleted."),
)

# wagtail.documents: missing from its Turkish catalogue.
WAGTAIL_DOCUMENTS = (
    _("Maximum filesize: %(max_upload_size)s."),
    _("Select documents in choosers"),
    ngettext_lazy("Add tags to 1 document", "Add tags to %(counter)s documents"),
    _("Add tags to documents"),
    ngettext_lazy(
        "Are you sure you want to tag the following document?",
        "Are you sure you want to tag the following documents?",
    ),
    ngettext_lazy(
        "You don't have permission to add tags to this document",
        "You don't have permission to add tags to these documents",
    ),
    ngettext_lazy(
        "Add 1 document to new collection", "Add %(counter)s documents to new collection"
    ),
    _("Add documents to collection"),
    ngettext_lazy(
        "Are you sure you want to add the following document to the selected collection?",
        "Are you sure you want to add the following documents to the selected collection?",
    ),
    ngettext_lazy(
        "You don't have permission to add this document to a collection",
        "You don't have permission to add these documents to a collection",
    ),
    ngettext_lazy("Delete 1 document", "Delete %(counter)s documents"),
    _("Delete documents"),
    ngettext_lazy(
        "You don't have permission to delete this document",
        "You don't have permission to delete these documents",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    _("Document updated."),
    _("Add tags to the selected documents"),
    _("Add selected documents to collection"),
    _("Delete selected documents"),
    _("The document could not be created due to errors."),
    _("The file could not be found. Please change the source or delete the document."),
)

# wagtail.images: missing from its Turkish catalogue.
WAGTAIL_IMAGES = (
    _("Image is decorative"),
    _("Please add some alt text for your image or mark it as decorative"),
    _("unknown number"),
    ngettext_lazy("Add tags to 1 image", "Add tags to %(counter)s images"),
    _("Add images to collection"),
    ngettext_lazy(
        "Are you sure you want to add the following image to the selected collection?",
        "Are you sure you want to add the following images to the selected collection?",
    ),
    _(
        "Upload successful. However, your new image seems to be a duplicate of an existing image. You may delete it if it wasn't required."
    ),
    _("The filter options you have selected are not valid."),
)

# wagtail.contrib.redirects: missing from its Turkish catalogue.
WAGTAIL_REDIRECTS = (
    _("Permanent"),
    _("Temporary"),
    _("From field"),
    _("Import redirects"),
    _('File format of type "%(extension)s" is not supported.'),
    _("Imported file has a wrong encoding: %(error_message)s."),
    _("%(error)s encountered while trying to read file: %(filename)s."),
)

# wagtail.locales and wagtail_localize.locales (the Locales screens), wagtail.contrib.redirects,
# wagtail.admin: missing from the Turkish catalogues (tr_TR, which Django reads first, and tr).
OTHER_SCREENS = (
    _("Field"),
    _("Select a new language"),
    _(
        "This locale's current language code is not supported. Please choose a new language or delete this locale."
    ),
    _("This locale's language code is not supported"),
    _("Add a locale"),
    _("Add locale"),
    _("The locale could not be saved due to errors."),
    _("Delete locale"),
    _("This locale cannot be deleted because there are pages and/or other objects using it."),
    _("Are you sure you want to delete this locale?"),
    _("redirects"),
    _("Wagtail locales"),
    _("%(num_pages)d pages and %(num_others)d others"),
    ngettext_lazy("%(num_pages)d page", "%(num_pages)d pages"),
    _("Locale '%(object)s' created."),
    _("Locale '%(object)s' updated."),
    _("Locale '%(object)s' deleted."),
    _("This locale cannot be deleted because there are no other locales."),
)
