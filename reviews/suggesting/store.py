"""The tag model's versions on disk (PRESSREVIEW_TAG_MODEL_DIR): each build a new numbered
file, written whole then renamed into place, the newest few kept. Each process loads the
newest version lazily, on the first suggestion it is asked for, and again only when a newer
version appears, its arrays memory-mapped. See docs/TAGGING.md, "Kept fresh"."""

import json
import logging
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings

from reviews.suggesting import archive
from reviews.suggesting.records import Tuning

if TYPE_CHECKING:
    from reviews.suggesting.engine import TagModel

logger = logging.getLogger(__name__)

VERSION_FILE = re.compile(r"^tag-model-(\d{6})\.joblib$")
KEEP_VERSIONS = 3

_loaded: dict[str, "TagModel | None"] = {}
_lock = threading.Lock()


def directory() -> Path:
    return Path(settings.PRESSREVIEW_TAG_MODEL_DIR)


def versions() -> list[int]:
    """The versions on disk, oldest first."""
    try:
        names = os.listdir(directory())
    except FileNotFoundError:
        return []
    return sorted(int(match[1]) for name in names if (match := VERSION_FILE.match(name)))


def model_path(version: int) -> Path:
    return directory() / f"tag-model-{version:06d}.joblib"


def summary_path(version: int) -> Path:
    return directory() / f"tag-model-{version:06d}.json"


def current_model() -> "TagModel | None":
    """The newest model, loaded once per process and version; None when there is none (or
    it cannot be read: suggestions are then simply not offered, and the log says why)."""
    found = versions()
    if not found:
        return None
    path = str(model_path(found[-1]))
    if path in _loaded:
        return _loaded[path]
    with _lock:
        if path not in _loaded:
            # scikit-learn and SciPy, needed to read the model, load here: the first
            # suggestion a process is asked for, never as it starts.
            import joblib

            try:
                # Its arrays mapped, not read: the processes of one server share one copy
                # in the page cache, and a process pays only for the pages it touches.
                model = joblib.load(path, mmap_mode="r")
            except Exception:  # a damaged or foreign file must not break the queue
                logger.exception("Tag model %s could not be loaded; no suggestions.", path)
                model = None
            _loaded.clear()
            _loaded[path] = model
    return _loaded[path]


def current_summary() -> dict | None:
    """What the newest version was built from (small: read without loading the model)."""
    found = versions()
    if not found:
        return None
    try:
        return json.loads(summary_path(found[-1]).read_text())
    except (OSError, ValueError):
        return None


def build_model(*, tuning: Tuning | None = None) -> "TagModel":
    """A model of today's archive, not yet saved."""
    from reviews.suggesting.engine import TagModel

    tuning = tuning or Tuning(**settings.PRESSREVIEW_TAG_MODEL_TUNING)
    tags = archive.all_tags()
    return TagModel(
        stories=archive.tagged_stories(limit=tuning.max_stories),
        tags=tags,
        excluded_words=archive.excluded_words(tags),
        tuning=tuning,
        tag_uses=archive.published_tag_uses(),
    )


def save(model: "TagModel") -> int:
    """Store `model` as the next version; return its number."""
    import joblib

    folder = directory()
    folder.mkdir(parents=True, exist_ok=True)
    found = versions()
    model.version = (found[-1] if found else 0) + 1
    summary = {
        "version": model.version,
        "built_at": model.built_at.isoformat(timespec="seconds"),
        "stories": model.story_count,
        "tags": len(model.tags),
        "words": len(model.terms),
        "tag_uses": model.tag_uses,
    }
    _write(summary_path(model.version), lambda file: file.write(json.dumps(summary).encode()))
    _write(model_path(model.version), lambda file: joblib.dump(model, file))
    for old in found[: max(0, len(found) + 1 - KEEP_VERSIONS)]:
        for path in (model_path(old), summary_path(old)):
            path.unlink(missing_ok=True)
    return model.version


def _write(path: Path, write) -> None:
    """Write through a temporary file renamed into place: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def rebuild() -> dict:
    """Build and save a model of today's archive; return its summary."""
    model = build_model()
    save(model)
    return current_summary() or {}


def rebuild_is_due() -> bool:
    """Whether enough stories were tagged since the newest version (or none exists and the
    archive holds enough to learn from)."""
    summary = current_summary()
    uses = archive.published_tag_uses()
    if summary is None:
        return uses >= settings.PRESSREVIEW_TAG_MODEL_FIRST_BUILD
    return uses - summary.get("tag_uses", 0) >= settings.PRESSREVIEW_TAG_MODEL_REBUILD_AFTER
