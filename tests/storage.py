"""What the tests of private files look at on disk."""


def files_under(folder) -> list[str]:
    """Every file below `folder`, as paths relative to it (none when it does not exist)."""
    if not folder.exists():
        return []
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())
