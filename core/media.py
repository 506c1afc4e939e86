"""Uploaded media served by the app when it is stored on the local disk (no object storage).

Only what a public page links to directly: image originals and renditions, inline, as the
image types Wagtail accepts; any other file is sent as an attachment, so a browser never renders
it as a page of this site. Documents are not served here: Wagtail's /documents/ view serves
them and checks their collection's privacy first. Every file carries `nosniff` and a CSP that
allows nothing, so even a mislabelled upload cannot run script on this origin.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

# Wagtail keeps image originals and renditions in these folders of the media root.
IMAGE_FOLDERS = ("original_images", "images")
# Documents have their own view (privacy checks, Content-Disposition).
PRIVATE_FOLDERS = ("documents",)
IMAGE_TYPES = {"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"}
MEDIA_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def serves_local_media():
    """True when uploads live on this machine's disk rather than in object storage."""
    backend = settings.STORAGES["default"]["BACKEND"]
    return backend == "django.core.files.storage.FileSystemStorage"


def media_file(path):
    """The file under MEDIA_ROOT that `path` names, or Http404 (also for ../ and folders)."""
    root = Path(settings.MEDIA_ROOT).resolve()
    candidate = (root / path).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        raise Http404
    folder = candidate.relative_to(root).parts[0]
    if folder in PRIVATE_FOLDERS:
        raise Http404
    return candidate, folder


@require_safe
def serve(request, path):
    file, folder = media_file(path)
    content_type, _encoding = mimetypes.guess_type(file.name)
    inline = folder in IMAGE_FOLDERS and content_type in IMAGE_TYPES
    response = FileResponse(
        file.open("rb"), content_type=content_type if inline else "application/octet-stream"
    )
    if not inline:
        response["Content-Disposition"] = content_disposition_header(True, file.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    # File names never change content: Wagtail gives a replaced image a new name.
    response["Cache-Control"] = "public, max-age=86400"
    return response
