"""Upload validation: documents by size and by content that matches the extension; images
that Willow recognises by their first bytes but Pillow cannot read are refused, not a 500."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Binary formats whose first bytes identify them; text formats (csv, txt, rtf) are checked
# for being text instead.
SIGNATURES = {
    "pdf": {"application/pdf"},
    "zip": {"application/zip"},
    "docx": {"application/zip"},
    "xlsx": {"application/zip"},
    "pptx": {"application/zip"},
    "odt": {"application/zip"},
    "key": {"application/zip"},
}
TEXT_EXTENSIONS = {"csv", "txt", "rtf"}


def validate_document_file(uploaded):
    max_size = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if max_size and uploaded.size > max_size:
        raise ValidationError(
            _("This file is too large (%(size)s). The maximum is %(max)s.")
            % {"size": filesizeformat(uploaded.size), "max": filesizeformat(max_size)}
        )
    extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
    head = uploaded.read(8192)
    uploaded.seek(0)
    if extension in TEXT_EXTENSIONS:
        if b"\x00" in head:
            raise ValidationError(_("This file does not look like a text file."))
        return
    expected = SIGNATURES.get(extension)
    if expected is None:
        return  # the extension list itself is enforced by Wagtail
    kind = filetype.guess(head)
    if kind is None or kind.mime not in expected:
        raise ValidationError(
            _("The file's content does not match its extension (.%(extension)s).")
            % {"extension": extension}
        )


class ValidatedDocumentForm(BaseDocumentForm):
    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and hasattr(uploaded, "read") and getattr(uploaded, "size", None) is not None:
            # Only new uploads: an unchanged file on edit is already stored.
            if "file" in self.changed_data:
                validate_document_file(uploaded)
        return uploaded


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, but a file whose header says GIF (or PNG…) and whose body is junk
    fails validation with Wagtail's own "not a valid image" message. Willow recognises such a
    file by its first bytes; only reading its size (Pillow) finds out, and Wagtail lets that
    error through as a 500."""

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from (
                error
            )


class ValidatedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        generated = self.fields.get("file")
        if generated is not None and not isinstance(generated, ReadableImageField):
            # The same field, label, help text and widget (with Wagtail's sync attributes).
            self.fields["file"] = ReadableImageField(
                label=generated.label,
                required=generated.required,
                help_text=generated.help_text,
                widget=generated.widget,
            )
