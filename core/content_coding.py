"""Content codings: which one a request accepts, and a page's body in each, compressed once.

The page cache (core/page_cache_middleware.py) stores every page as identity, gzip and brotli
bodies when it first renders it, and answers each hit with the best one the browser accepts:
a hit never compresses. Responses the page cache does not store are compressed by
core.middleware.GZipMiddleware, which reads Accept-Encoding the same way.
"""

import functools
import gzip

import brotli

# In order of preference: brotli is 7-10 % smaller than gzip on the site's pages.
CODINGS = ("br", "gzip", "identity")

# Compressed once per stored page, so the smallest output that stays well under a millisecond:
# brotli's quality 10 and 11 switch to a slow mode (15-90 ms on a 17 KB page, as long as the
# render itself) for 8-12 % more.
BROTLI_QUALITY = 8
GZIP_LEVEL = 9


@functools.lru_cache(maxsize=128)  # browsers send a handful of distinct headers
def accepted_codings(accept_encoding):
    """The codings of CODINGS an Accept-Encoding header accepts (RFC 9110, 12.5.3): `q=0`
    refuses a coding, `*` stands for the codings it does not name, and identity is acceptable
    unless refused. An empty or missing header asks for identity only."""
    qualities = {}
    for part in accept_encoding.lower().split(","):
        coding, *parameters = (item.strip() for item in part.split(";"))
        if not coding:
            continue
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0  # unreadable: not a coding the browser asked for
        qualities["gzip" if coding == "x-gzip" else coding] = quality
    default = qualities.get("*")
    accepted = set()
    for coding in CODINGS:
        quality = qualities.get(coding, default)
        if quality is None and coding == "identity":
            quality = 1.0
        if quality is not None and quality > 0:
            accepted.add(coding)
    return frozenset(accepted)


def preferred_coding(accept_encoding):
    """The first of CODINGS the header accepts; identity when it refuses them all (RFC 9110
    says to send the content without a coding then)."""
    accepted = accepted_codings(accept_encoding)
    return next((coding for coding in CODINGS if coding in accepted), "identity")


def encoded_bodies(body):
    """{coding: body} for each of CODINGS. gzip without a time stamp: the same page compresses
    to the same bytes."""
    return {
        "br": brotli.compress(body, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY),
        "gzip": gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0),
        "identity": body,
    }
