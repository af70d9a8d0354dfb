"""The files WhiteNoise serves at the site's root (site_root/: /favicon.ico), for the browsers,
feed readers and bookmark managers that ask there rather than read the page's <link rel=icon>."""

# A week: asked for by every client that has none, changed about never. Not "immutable"
# (unlike the hashed static files): the name stays when the picture changes.
ROOT_FILE_MAX_AGE = 7 * 24 * 60 * 60


def cache_root_files(headers, path: str, url: str) -> None:
    """WhiteNoise's WHITENOISE_ADD_HEADERS_FUNCTION: root files are kept a week; static files
    keep WhiteNoise's own headers (hashed ones forever)."""
    if url.count("/") == 1:
        headers["Cache-Control"] = f"max-age={ROOT_FILE_MAX_AGE}, public"
