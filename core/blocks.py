"""StreamField blocks shared by every page body on the site.

Each block renders through its own template under templates/components/streamfield/.
Bodies use `BodyStreamBlock` (or a narrower subclass) so editors see one consistent palette.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    """A section heading. Level 2 by default; level 3 for a sub-section."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Sub-section (h3)"))],
        default="h2",
        help_text=_("The page title is the only h1; use h2 for sections."),
        # A choice's label ("Section (h2)") is for editors, not for the search index.
        search_index=False,
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source, or a highlighted callout when no source is given."""

    text = blocks.TextBlock(label=_("Text"))
    attribution = blocks.CharBlock(label=_("Source"), required=False, max_length=200)
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[("quote", _("Quotation")), ("callout", _("Highlighted callout"))],
        default="quote",
        search_index=False,
    )

    class Meta:
        icon = "openquote"
        label = _("Quote or callout")
        template = "components/streamfield/quote_block.html"


class ImageBlock(blocks.StructBlock):
    """An image with alternative text and an optional visible caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "Describe what the image shows for people who cannot see it. "
            "Required unless the image is purely decorative."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("Tick only if the image adds no information (screen readers skip it)."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.get("alt_text"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(_("Describe the image, or mark it as decorative."))
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/image_block.html"


class CallToActionValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("external_url") or ""

    def is_external(self):
        return not self.get("page") and bool(self.get("external_url"))


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to a page of the site or to another website."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page on this site"), required=False)
    external_url = blocks.URLBlock(label=_("Or an external address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or give an address, not both."))
                }
            )
        return value

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "components/streamfield/call_to_action_block.html"
        value_class = CallToActionValue


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Figure"), max_length=30, help_text=_("For example 9000 or 80 million.")
    )
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    """A row of headline numbers, each with what it counts."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "list-ol"
        label = _("Key figures")
        template = "components/streamfield/key_figures_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The full palette for page bodies."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        template="components/streamfield/paragraph_block.html",
        icon="pilcrow",
    )
    quote = QuoteBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
