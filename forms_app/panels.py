from wagtail.contrib.forms.panels import FormSubmissionsPanel


class InquiryCountPanel(FormSubmissionsPanel):
    """The contact page editor's "N submissions, the last on …" line, shown only to those who
    may read the inquiries: editors and moderators edit the page but not the inbox."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return self.request.user.has_perm("forms_app.view_inquiry") and super().is_shown()
