"""Every file in a storage, through Django's storage API only, so that a folder on disk and an
S3 bucket are read alike."""

from collections.abc import Iterator

from django.core.files.storage import Storage


def stored_names(storage: Storage, folder: str = "") -> Iterator[str]:
    """The name of every file under `folder` (the whole storage by default), folder by folder
    in sorted order. A storage folder that does not exist yet holds nothing."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    prefix = f"{folder}/" if folder else ""
    for name in sorted(files):
        yield prefix + name
    for sub in sorted(folders):
        yield from stored_names(storage, prefix + sub)
